/**
 * The phrase patterns an auditor looks for in a service description, one list per kind of evidence.
 * Sources for what each kind means: rules.md §2.1 and §4.5 (97530 must show a dynamic functional task, its
 * parameters and the assistance or cueing; sets and reps of exercise alone support 97110 [S21]; ADL training
 * is 97535), users.md §3.3-3.4. Order matters: where two kinds match at the same place, the earlier kind wins
 * (e.g. "toilet transfer" is a functional transfer, "step ups" an exercise, "% assist" an assistance level).
 */

/** The kinds of evidence, in matching priority. */
export const FEATURE_KINDS = [
  'filler',
  'inactiveExcluded',
  'inactive',
  'group',
  'test',
  'setsReps',
  'assistance',
  'cues',
  'orthotic',
  'exercise',
  'task',
  'adl',
  'wheelchair',
  'gait',
  'balance',
  'manual',
  'modality',
  'cognitive',
  'swallow',
  'oralMotor',
  'speech',
  'parameters',
] as const;
export type FeatureKind = (typeof FEATURE_KINDS)[number];

/**
 * Words the scanner reads for the structure of a sentence and does not keep: a purpose ("for", "to improve"),
 * a reported result ("noted", "improved"), a new activity ("then"). Matched after every kind above.
 */
export const MARKER_KINDS = ['purpose', 'observation', 'clauseBreak'] as const;
export type MarkerKind = (typeof MARKER_KINDS)[number];

/** Every kind the scanner tries, in priority order: the evidence kinds, then the markers. */
export const SCAN_KINDS: readonly ScanKind[] = [...FEATURE_KINDS, ...MARKER_KINDS];
export type ScanKind = FeatureKind | MarkerKind;

const NUM = String.raw`\d+(?:\.\d+)?`;

/** Regular-expression sources per kind (case-insensitive, matched at word starts, ended before a letter or digit). */
export const PATTERNS: Record<ScanKind, readonly string[]> = {
  // Generic words that say nothing an auditor can check ("pt tolerated well", "therex as above", "see flowsheet").
  filler: [
    String.raw`(?:pt|patient)\s*tolerated(?:\s*(?:tx|treatment|session|therapy|activities|it|all|interventions|ex(?:ercises?)?))?(?:\s*(?:well|fair|good|poorly))?`,
    String.raw`tolerated\s*(?:well|fair)`,
    String.raw`as\s*tolerated`,
    String.raw`(?:therex|ther\s*ex|ther\s*act|exercises?|activities|tx|treatment|same)\s*as\s*(?:above|before|previous(?:ly)?|last\s*(?:visit|session|time)|prior)`,
    String.raw`as\s*above`,
    String.raw`see\s*(?:flow\s*sheet|flowsheet|exercise\s*(?:log|flowsheet|flow\s*sheet)|log|previous\s*note|above|chart|grid)`,
    String.raw`per\s*(?:flow\s*sheet|flowsheet|POC|plan|protocol|log)`,
    String.raw`cont(?:inue|inued|'d)?\.?\s*(?:w/|with\s*)?(?:per\s*)?(?:POC|plan\s*of\s*care|current\s*plan|tx\s*plan)`,
    String.raw`therapeutic\s*activit(?:y|ies)`,
    String.raw`ther\s*act(?:ivities)?`,
    String.raw`functional\s*(?:activities|training|mobility(?:\s*training)?|tasks)`,
    String.raw`worked\s*on`,
    String.raw`(?:no|without)\s*(?:complaints?|c/o|issues)`,
    String.raw`good\s*session`,
    String.raw`did\s*well`,
    'various',
    String.raw`general\s*(?:strengthening|conditioning|exercises?)`,
    // The name of a discipline or a category of care is not a task: "speech therapy", "ADL retraining".
    String.raw`(?:speech|language|voice|dysphagia|swallow(?:ing)?|cognitive(?:[- ]linguistic)?|occupational|physical|PT|OT|ST|SLP|skilled)\s*(?:therapy|tx|treatment|session|services?|interventions?)`,
    String.raw`I?ADLs?(?:\s*(?:re-?training|training|tasks?|activities|tx|practice))?|self[- ]care(?:\s*(?:training|tasks?|activities))?`,
    String.raw`(?:therapy|treatment|tx)\s*(?:session|performed|provided|given|completed)|session\s*(?:completed|performed|provided)`,
  ],
  // Text that says inactive time was kept out of the billed minutes cancels an "inactive" match.
  inactiveExcluded: [
    String.raw`(?:rest|waiting|wait|set[- ]?up|documentation|charting|prep(?:aration)?|cleaning)[^.;]{0,40}?(?:excluded|not\s*(?:billed|included|counted|timed)|off\s*the\s*clock)`,
    String.raw`(?:excluding|excl\.?|not\s*including)\s*(?:[a-z]+\s+){0,2}?(?:rest|waiting|set[- ]?up|documentation|prep(?:aration)?)`,
    String.raw`(?:recorded|logged|documented|charted)\s*as\s*non-?billable`,
  ],
  // Rest, waiting, setup, paperwork or unattended time inside billed minutes (Pub. 100-02 Ch. 15 §220.3 E; FCSO [S4]).
  inactive: [
    String.raw`rest\s*(?:breaks?|periods?)(?:\s*(?:were\s*|are\s*)?(?:included|incl\.?|counted|billed))?`,
    // Preparation by the therapist, not the FIM level "setup" (that is an assistance level, below).
    String.raw`set[- ]?up\s*(?:time|of|for\s*(?:the\s*)?(?:next|course|station|session|treatment)|between|included|and\s*clean[- ]?up(?!\s*assist))`,
    String.raw`set(?:ting)?\s*up\s*(?:the\s*|a\s*|of\s*(?:the\s*)?)?(?:[a-z]+\s+){0,2}?(?:equipment|room|area|table|mat|bars|course|station|machines?|unit|cones|obstacles|stimul(?:i|us)|materials|supplies|gym)`,
    String.raw`(?:prepar(?:e|es|ed|ing)|readying|getting|got)\s*(?:the\s*|a\s*|an\s*)?(?:[a-z]+\s+){0,2}?(?:ready|room|area|table|mat|plinth|equipment|machines?|station|course|supplies|materials|stimul(?:i|us)|cards|worksheets|sheets)`,
    String.raw`(?:fetch(?:es|ing|ed)?|gather(?:s|ing|ed)?|collect(?:ing|ed)|locat(?:ing|ed)|bring(?:ing)?|brought|went\s*to\s*get|retriev(?:ing|ed))\s*(?:the\s*|a\s*|an\s*)?(?:[a-z]+\s+){0,2}?(?:equipment|supplies|materials|towels|toiletries|walker|wheelchair|cane|weights|machines?|device|from\s*(?:the\s*)?(?:storage|closet|supply|other))`,
    String.raw`(?:clean(?:s|ing|ed)?|wip(?:e|es|ing|ed)\s*down|sanitiz(?:e|ing|ed)|disinfect(?:ing|ed)?)\s*(?:the\s*|of\s*(?:the\s*)?)?(?:[a-z]+\s+){0,2}?(?:equipment|table|mat|machines?|area|room|bike|station|surfaces?|plinth|bars)`,
    String.raw`(?:print(?:ing|ed)?|copy(?:ing)?|laying\s*out|cutting|heating)\s*(?:out\s*)?(?:and\s*[a-z]+\s*)?(?:the\s*)?(?:[a-z]+\s+){0,2}?(?:worksheets?|handouts?|materials|stimul(?:i|us)|cards|pattern|forms|water\s*bath|splint\s*pan|hydrocollator)`,
    String.raw`incl(?:uding|uded|udes|\.)?\s*(?:[a-z]+\s+){0,2}?rest(?:\s*breaks?|\s*periods?)?`,
    String.raw`(?:while|during)\s*(?:waiting|wait)`,
    String.raw`waiting\s*(?:for|on|time|room|until)`,
    String.raw`wait(?:ed|s)?\s*(?:for|on|until|\d+\s*min(?:ute)?s?)|wait\s*time`,
    String.raw`(?:room|table|mat|equipment|gym)\s*(?:was\s*)?(?:not\s*available|unavailable|occupied)`,
    String.raw`(?:documentation|documenting|charting|paperwork|note[- ]writing|billing)(?:\s*time)?`,
    String.raw`(?:writing|completing|typing|entering)\s*(?:the\s*|a\s*|my\s*|his\s*|her\s*)?(?:daily\s*|progress\s*|visit\s*)?(?:notes?|paperwork|forms|documentation|EMR|chart)`,
    'unattended',
    String.raw`left\s*(?:alone|unattended)`,
    String.raw`(?:pt|patient)\s*rest(?:ed|ing)`,
    String.raw`rest(?:ed|ing)?\s*\d+\s*min(?:ute)?s?`,
    // After a count of minutes (read as a parameter first): '6 min rest'. A lookbehind keeps digits out of this kind.
    String.raw`(?<=\d\s{0,2}min(?:ute)?s?\s{1,3}(?:of\s{1,3})?)rest(?:\s*breaks?)?`,
    String.raw`(?:seated|supine|standing)\s*rest(?:\s*breaks?)?`,
    String.raw`(?:hot|cold|moist)\s*packs?\s*(?:while|during)`,
    String.raw`(?:while|during)\s*(?:hot|cold|moist)\s*packs?`,
    String.raw`phone\s*call`,
    String.raw`(?:restroom|bathroom)\s*break`,
    String.raw`independent(?:ly)?\s*on\s*(?:the\s*)?(?:bike|nu-?step|treadmill|UBE)`,
  ],
  // Two or more patients at once (rules.md §2.1: that time is 97150).
  group: [
    String.raw`group(?:\s*(?:of\s*\d+|session|therapy|class|setting|exercises?|activity|activities))?`,
    String.raw`(?:\d|two|three|four|five)\s*(?:other\s*)?(?:patients|pts)`,
    'concurrent(?:ly)?',
    'co-?treat(?:ment)?',
  ],
  // Standardised tests and performance testing (97750 when it is the service).
  test: [
    'FCE',
    String.raw`functional\s*capacity\s*(?:evaluation|eval|testing)?`,
    String.raw`physical\s*performance\s*test(?:ing)?`,
    String.raw`TUG|Berg(?:\s*balance\s*scale)?|6MWT|10MWT|DGI|FGA|tinetti|5xSTS|30\s*s(?:ec(?:ond)?)?\s*(?:STS|chair\s*stand)`,
    String.raw`standardi[sz]ed\s*(?:test|assessment)`,
    String.raw`outcome\s*measures?`,
    String.raw`goniometry|MMT|dynamometry|grip\s*strength`,
  ],
  // Sets x reps: the mark of exercise (3x10, 2 sets of 15).
  setsReps: [
    String.raw`\d+\s*[x×]\s*\d+(?:\s*[x×]\s*\d+)?`,
    String.raw`\d+\s*sets?\s*(?:of|x)\s*\d+`,
    String.raw`\d+\s*reps?\s*x\s*\d+`,
  ],
  // Assistance levels, from independent to dependent, and % assist.
  assistance: [
    // FIM and Section GG levels (CMS IRF-PAI manual): "setup" here is help the patient needed, not prep time.
    String.raw`set[- ]?up(?:\s*(?:or|and|/|&)\s*clean[- ]?up)?\s*(?:assist(?:ance)?|A|only|level)`,
    // A bare "setup" not followed by what was set up ("after setup", "with setup and supervision") is the level.
    String.raw`set[- ]?up(?:\s*(?:and|&|/)\s*(?:supervision|supv|SBA))?(?!\s*(?:of|time|for|between|included|the|equipment|and\s*clean))`,
    String.raw`(?:supervision|touching|partial|moderate|substantial|maximal)\s*(?:or\s*touching\s*|/\s*(?:moderate|maximal)\s*)?assist(?:ance)?`,
    String.raw`\d+\s*%\s*(?:assist(?:ance)?|A)`,
    String.raw`mod(?:ified)?\s*independen(?:t|ce|tly)|mod\s*I`,
    'independen(?:t|ce|tly)',
    String.raw`SBA|stand[- ]?by\s*(?:assist(?:ance)?|A)?`,
    'supervision|supv',
    String.raw`CGA|contact\s*guard(?:\s*(?:assist(?:ance)?|A))?`,
    String.raw`(?:min(?:imal|imum)?|mod(?:erate)?|max(?:imal|imum)?|total)\s*(?:A|assist(?:ance)?)(?:\s*(?:x|of)\s*\d)?`,
    String.raw`(?:one|two|1|2)[- ]person\s*assist`,
    String.raw`assist(?:ance)?\s*x\s*\d`,
    'dependent',
    String.raw`(?:hand[- ]held|HHA)\s*assist`,
  ],
  // Cueing: verbal, tactile, visual, and their amount.
  cues: [
    String.raw`(?:verbal|tactile|visual|auditory|written|min(?:imal)?|mod(?:erate)?|max(?:imal)?|frequent|occasional|intermittent|consistent|constant|multimodal|physical|gestural|phonemic|semantic|category|placement|first[- ]sound|indirect|direct|mirror)\s*(?:(?:and|&|/|plus|or)\s*[a-z]+\s*)?(?:cues?|cueing|cuing|prompts?|prompting|reminders?|models?)`,
    'VCs?|TCs?',
    'cue(?:s|d|ing)?|cuing|prompt(?:s|ed|ing)?|reminders?',
    'demonstration|demo',
    'hand[- ]over[- ]hand',
    String.raw`(?:visual|verbal|mirror|auditory|tactile)\s*feedback|biofeedback|sEMG`,
    // SLP cue hierarchies: models, imitation, delayed auditory feedback, fading (ASHA practice portal).
    String.raw`(?:verbal\s*|visual\s*|auditory\s*)?model(?:s|ing|ed)?|(?:delayed\s*|direct\s*)?imitation`,
    String.raw`DAF|delayed\s*auditory\s*feedback|fad(?:e|ed|es|ing)(?:\s*(?:cues?|to))?|(?:cue|prompt)\s*hierarch(?:y|ies)|least[- ]to[- ]most|most[- ]to[- ]least|errorless`,
    String.raw`(?:with|after|given)\s*repetition|(?:without|no)\s*(?:cues|cueing|prompts)|spontaneous(?:ly)?|facilitation|pacing\s*board|carrier\s*phrase|visual\s*(?:checklist|schedule|aids?)|checklist`,
  ],
  // Orthoses and prostheses (97760/97763).
  orthotic: [
    String.raw`orthos[ie]s|orthotics?|splints?|splinting|bracing|AFO|KAFO|resting\s*hand\s*splint`,
    String.raw`prosthe(?:sis|tic|ses)|residual\s*limb`,
    String.raw`wearing\s*schedule`,
  ],
  // Named exercises: with sets and reps alone they are 97110 (rules.md §2.1 [S21]).
  exercise: [
    'step[- ]?(?:ups?|downs?)',
    'bridg(?:es?|ing)',
    'SLRs?|straight[- ]leg[- ]raises?',
    'clam(?:shell)?s',
    String.raw`(?:mini[- ]?)?squats?(?![\s-]*(?:to[\s-]*(?:retrieve|pick|lift|reach|the\s*floor|floor)|[- ]?pivot)|(?:[\s-]*(?:to|2)[\s-]*|\s*(?:-|/|<->|<>|>)\s*)stand)`,
    String.raw`wall\s*(?:sits?|squats?|slides?|push[- ]?ups?)`,
    String.raw`(?:heel|calf|toe)\s*raises?|heel\s*slides?`,
    'LAQs?|long[- ]arc[- ]quads?|SAQs?|short[- ]arc[- ]quads?',
    String.raw`(?:quad|glute)\s*sets?`,
    String.raw`(?:ham(?:string)?|leg)\s*curls?|leg\s*press|lunges?|marching|planks?|crunches|sit[- ]?ups|push[- ]?ups?`,
    String.raw`hip\s*(?:abd(?:uction)?|add(?:uction)?|ext(?:ension)?|flex(?:ion)?)`,
    String.raw`ankle\s*(?:pumps?|alphabet|4[- ]?way)`,
    String.raw`(?:knee|elbow|trunk)\s*(?:ext(?:ension)?|flex(?:ion)?)|cuff\s*weights?|wand|(?:red|yellow|green|blue|black)\s*(?:band|theraband|t-?band)`,
    String.raw`(?:bicep|biceps|tricep|triceps|wrist)\s*(?:curls?|ext(?:ension)?s?)`,
    String.raw`rows?|chest\s*press|shoulder\s*(?:flex(?:ion)?|abd(?:uction)?|ER|IR|press)`,
    String.raw`pulleys?|nu-?step|(?:recumbent\s*|stationary\s*)?bike|UBE|treadmill`,
    String.raw`theraband|t-?band|resistance\s*bands?`,
    String.raw`ther\s*ex|therex|therapeutic\s*exercises?|HEP|home\s*exercise\s*program`,
    'stretch(?:es|ing)?|AA?ROM|PROM|strengthening',
    String.raw`pelvic\s*tilts?|isometrics?|scap(?:ular)?\s*(?:squeezes?|retractions?)`,
    String.raw`(?:thera)?putty(?:\s*(?:squeezes?|pinch|grip))?|(?:hand\s*)?gripper|tendon\s*glides?|digit\s*blocking|dumbbell(?:\s*curls?)?|(?:gross|lateral|tip|tripod|key|palmar)\s*(?:grip|grasp|pinch)(?:\s*strengthening)?|(?:finger|digit)\s*(?:ext(?:ension)?|flex(?:ion)?)s?|shoulder\s*ladder|(?:UE|arm)\s*ergometer|ergometer|curls?`,
  ],
  // Dynamic functional tasks (97530: transfers, lifting, carrying, reaching, bending; LCD language [S20]).
  task: [
    String.raw`(?:sit|stand|squat|kneel|half[- ]kneel|supine|bed|chair|w/?c|wheelchair|toilet|tub|shower|car|floor|commode|mat|bench)(?:[\s-]*(?:to|2)[\s-]*|\s*(?:-|/|<->|<>|>|→|↔)\s*)(?:stand|sit|supine|bed|chair|w/?c|wheelchair|toilet|tub|floor|commode|mat)(?:\s*transfers?)?`,
    String.raw`(?:toilet|tub|shower|car|bed|floor|w/?c|wheelchair|chair|bench|commode|mat|stand[- ]?pivot|squat[- ]?pivot|slide\s*board|sliding\s*board)\s*transfers?`,
    'transfer(?:s|ring|red)?|STS|stand[- ]?pivot',
    String.raw`bed\s*mobility|roll(?:ing)?\s*(?:to\s*(?:left|right|side)|in\s*bed|side\s*to\s*side)`,
    'reach(?:ing|es|ed)?|lift(?:ing|s|ed)?|carr(?:y|ying|ies|ied)|bend(?:ing|s)?|kneel(?:ing)?|half[- ]kneel(?:ing)?',
    String.raw`squat(?:ting)?[\s-]*to[\s-]*(?:retrieve|pick(?:\s*up)?|lift|reach|the\s*floor|floor)`,
    String.raw`push(?:ing)?|pull(?:ing)?|retriev(?:e|ing|al)|pick(?:ing)?\s*up|catch(?:ing)?|throw(?:ing)?|toss(?:ing)?`,
    String.raw`overhead\s*(?:activities|reaching|tasks?|lifting)|obstacles?(?:\s*course)?|step(?:ping)?\s*over`,
    String.raw`floor\s*recovery|get(?:ting)?\s*(?:up\s*)?(?:off|on|from)\s*(?:the\s*)?floor`,
    String.raw`(?:simulated|functional)\s*(?:work|job|household|home)\s*tasks?|work\s*simulation|yard\s*work|gardening`,
    'grocer(?:y|ies)|shel(?:f|ves)|cabinets?|counter(?:top)?',
    String.raw`(?:fine|gross)\s*motor\s*(?:tasks?|coordination|activities|skills)|manipulat(?:e|ing)\s*(?:objects|coins|buttons|small\s*objects)|grasp(?:ing)?|pinch(?:ing)?|handwriting`,
    String.raw`(?:car|vehicle)\s*(?:entry|exit)|in\s*and\s*out\s*of`,
    // OT fine-motor and activity-tolerance tasks (AOTA practice framework: performance skills in occupation).
    String.raw`(?:fine|gross)\s*motor|in[- ]hand\s*manipulation|(?:palm|finger)[- ]to[- ](?:finger|palm)|9[- ]hole\s*peg(?:\s*test)?|nine[- ]hole\s*peg|peg\s*board|pegboard|pegs|coins|beads|lacing|tweezers|clothespins?|scissors|cutting\s*(?:with|along|paper)`,
    String.raw`(?:standing|sitting|activity)\s*tolerance|scoot(?:s|ing|ed)?|log\s*roll(?:ing)?|sorting|stacking|placing`,
  ],
  // Self-care and home management training (97535).
  adl: [
    String.raw`(?:upper|lower)\s*(?:body|extremity)\s*dressing|(?:UB|LB)\s*dressing|dress(?:ing)?`,
    'donn(?:ing|ed)?|don|doff(?:ing|ed)?',
    String.raw`sock\s*aid|reacher|long[- ]handled\s*(?:sponge|shoe\s*horn|shoehorn)|button\s*hook|tub\s*(?:bench|seat)|shower\s*chair|grab\s*bars?|dressing\s*stick|elastic\s*laces`,
    'socks?|shoes?|shirt|pants|bra|jacket|buttons?|button(?:ing)?|zipp(?:er|ing)|shoelaces?|laces',
    String.raw`bath(?:e|ing)|shower(?:ing)?|sponge\s*bath|groom(?:ing)?|brush(?:ing)?\s*(?:teeth|hair)|(?:oral|hair)\s*care|shav(?:e|ing)`,
    String.raw`toilet(?:ing)?(?:\s*hygiene)?|hygiene`,
    String.raw`meal\s*prep(?:aration)?|cook(?:ing)?|kitchen(?:\s*(?:tasks?|safety|mobility))?|laundry|home\s*management|household\s*(?:tasks|chores)`,
    '(?:self[- ]?)?feeding|eating|utensils?|plate\\s*guard|built[- ]up\\s*(?:spoon|fork|handles?|utensils?)',
    String.raw`adaptive\s*equipment|energy\s*conservation|medication\s*management|money\s*management|home\s*safety|pill\s*(?:organi[sz]er|box)|hip\s*kit|clothing\s*management|toothbrush|hand[- ]held\s*shower|bed\s*making|folding`,
  ],
  // Wheelchair management (97542).
  wheelchair: [
    String.raw`(?:wheelchair|w/?c)\s*(?:propulsion|mobility|management|skills|positioning|seating|fitting|parts)`,
    String.raw`(?:manual|power)\s*wheelchair|propel(?:ling|led)?|wheelies|seating\s*system|pressure\s*relief`,
  ],
  // Walking and stairs (97116).
  gait: [
    String.raw`gait(?:\s*(?:training|speed|pattern|deviations?))?|ambulat(?:e|ed|es|ing|ion)|amb`,
    'walk(?:s|ed|ing)?|stairs?|curbs?',
    String.raw`(?:rolling\s*|front[- ]wheeled\s*|4[- ]?wheeled\s*)?walker|RW|FWW|4WW|rollator|SPC|LBQC|SBQC|quad\s*cane|(?:straight\s*)?cane|crutch(?:es)?`,
    String.raw`heel[- ]strike|step\s*length|cadence`,
  ],
  // Balance, coordination and postural control (97112).
  balance: [
    String.raw`balance|SLS|single[- ]leg\s*(?:stance|stand(?:ing)?|balance)|tandem(?:\s*(?:stance|walk(?:ing)?|gait))?|semi[- ]tandem|romberg`,
    String.raw`perturbations?|weight\s*shift(?:s|ing)?|propriocepti(?:ve|on)|coordination|kinesthetic`,
    String.raw`postural\s*(?:control|stability|awareness|re-?education)|vestibular|gaze\s*stabili[sz]ation|VOR|dual[- ]task(?:ing)?`,
    String.raw`(?:rocker|wobble)\s*board|BOSU|BAPS|(?:static|dynamic)\s*(?:standing|sitting)`,
    String.raw`neuromuscular\s*re-?ed(?:ucation)?|NMR|NMRE|eyes\s*(?:closed|open)|head\s*turns|(?:ankle|hip|stepping)\s*strateg(?:y|ies)`,
    String.raw`(?:narrow|wide|reduced)\s*(?:base\s*of\s*support|BOS)`,
    String.raw`neuro\s*re-?ed(?:ucation)?|(?:static|dynamic)\s*(?:stance|balance)|Airex|EO|EC|weight[- ]bearing\s*(?:through|on)`,
    String.raw`(?:lateral|side|retro|backward)\s*(?:stepping|walking|steps|walk)|side[- ]?stepping|braiding|grapevine|finger[- ]to[- ]nose|heel[- ]to[- ]shin|rapid\s*alternating|(?:reciprocal\s*)?tapping|ataxia|bilateral\s*(?:UE\s*|LE\s*)?coordination`,
  ],
  // Hands-on techniques (97140).
  manual: [
    String.raw`STM|soft\s*tissue(?:\s*(?:mob(?:ilization)?s?|massage|work|release))?`,
    String.raw`joint\s*mob(?:ilization)?s?|mobs|mobili[sz]ations?`,
    String.raw`grade\s*(?:I{1,3}|IV|V|[1-5])(?:\s*[-/]\s*(?:I{1,3}|IV|V|[1-5]))?(?:\s*(?:mob(?:ilization)?s?|glides?))?`,
    String.raw`(?:PA|AP)\s*glides?|glides?|manual\s*(?:therapy|traction|stretching)`,
    String.raw`MFR|myofascial\s*release|IASTM|instrument[- ]assisted|trigger\s*point(?:\s*(?:release|pressure))?`,
    String.raw`manipulation|thrust|muscle\s*energy|cross[- ]friction|scar\s*(?:mob(?:ilization)?|massage)|lymphatic\s*drainage|MLD|massage|suboccipital\s*release`,
  ],
  // Modalities (97010, 97012, 97014/G0283, 97032, 97035).
  modality: [
    String.raw`(?:moist\s*)?(?:hot|cold)\s*packs?|moist\s*heat|ice(?:\s*(?:pack|massage))?|cryotherapy|paraffin|fluidotherapy|whirlpool`,
    'ultrasound|phonophoresis|iontophoresis',
    String.raw`e-?stim|electrical\s*stim(?:ulation)?|TENS|NMES|IFC|interferential|premod|russian\s*stim`,
    String.raw`(?:mechanical|cervical|lumbar)\s*traction|traction`,
    String.raw`vasopneumatic|game\s*ready|laser|diathermy`,
  ],
  // Cognition (97129/97130).
  cognitive: [
    String.raw`(?:sustained|selective|alternating|divided)\s*attention|attention|(?:working\s*)?memory|(?:delayed|immediate)\s*recall|recall(?:ed|ing|s)?|problem[- ]solving|sequencing|executive\s*function(?:ing)?|orientation`,
    String.raw`safety\s*awareness|judge?ment|processing\s*speed|cognitive|cognition|(?:memory|compensatory)\s*strateg(?:y|ies)|memory\s*(?:book|notebook)|initiation`,
    String.raw`cancellation\s*task|spaced\s*retrieval|reasoning|calendar|planner|categori[sz]ation|visual\s*scanning|time\s*management|organi[sz]ation|planning`,
  ],
  // Swallowing (92526).
  swallow: [
    String.raw`swallow(?:ing|s)?|dysphagia|bolus|chin\s*tucks?|(?:effortful|supraglottic|super[- ]supraglottic|mendelsohn)(?:\s*(?:swallow|maneuver))?|masako|shaker|EMST`,
    String.raw`thin\s*liquids?|(?:nectar|honey|mildly|moderately|extremely)[- ]thick(?:\s*liquids?)?|mechanical\s*soft|pureed?|minced|IDDSI(?:\s*level)?(?:\s*\d)?|diet\s*(?:level|trials?|advancement)|PO\s*trials?`,
    String.raw`oral\s*(?:intake|phase|transit)|pharyngeal|aspiration|penetration|laryngeal|(?:liquid|solid)\s*wash|double\s*swallows?|(?:small|single)\s*(?:sips|bites)|throat\s*clears?|ice\s*chips|head\s*(?:turn|tilt)\s*(?:posture|left|right|to)|thermal[- ]tactile|soft\s*(?:&|and)\s*bite[- ]sized`,
  ],
  // Oral-motor work serves both speech (92507) and swallowing (92526).
  oralMotor: [
    String.raw`oral[- ]?motor|lingual(?:\s*(?:strengthening|press|lateralization))?|tongue\s*(?:press|base|lateralization|strengthening|elevation)|IOPI|lip\s*(?:closure|seal|rounding|strengthening)|labial|jaw\s*(?:stability|grading)`,
  ],
  // Speech, language, voice and fluency (92507).
  speech: [
    String.raw`word\s*(?:retrieval|finding)|artic(?:ulation)?|phonolog(?:y|ical)(?:\s*(?:awareness|processes))?|phonemes?|word[- ](?:initial|medial|final)|(?:initial|medial|final)\s*(?:positions?|sounds?|consonants?)|all\s*(?:word\s*)?positions|word[- ]finding|(?:confrontation\s*|generative\s*|divergent\s*)?naming`,
    'expressive|receptive|language|aphasia|apraxia|dysarthria|fluency|fluent|stutter(?:ing)?|disfluenc(?:y|ies)|voice|vocal|resonance|intelligib(?:ility|le)',
    String.raw`(?:isolation|syllable|sentence|phrase|word|conversation|paragraph|discourse)\s*(?:level|formulation)|conversation(?:al)?|comprehension|(?:\d+[- ]step\s*)?(?:commands|directions)`,
    'pragmatics|AAC|speech',
    // Targets: phonemes as written (/r/), blends, word shapes, processes, voice and fluency techniques (ASHA).
    String.raw`(?<=/)(?:[bcdfghjklmnprstvz]|th|sh|ch|zh|ng|er|ar|or|ir|ai|oi|au|ou)/|(?:s|r|l|st|sp|sk|sm|sn|sl|sw|tr|dr|pl|bl|kl|gl|fl|pr|br|kr|gr|fr)[- ]?blends?|vocalic\s*r|CVC?V?C?|(?:multi|mono|bi)syllabic|syllables?|minimal\s*pairs|fronting|backing|stopping|gliding|cluster\s*reduction|final\s*consonant\s*deletion|carryover`,
    String.raw`easy\s*onsets?|light\s*(?:articulatory\s*)?contacts?|pull[- ]?outs?|cancellations?|prolonged\s*speech|syllables\s*stuttered|LSVT(?:\s*LOUD)?|loudness|pitch\s*glides?|sustained\s*(?:phonation|'?ah'?)|maximum\s*phonation|MPT|resonant\s*voice|SOVT|straw\s*phonation|breath\s*support`,
    String.raw`SFA|semantic\s*feature\s*analysis|VNeST|script\s*training|melodic\s*intonation|circumlocution|wh-?\s*questions|yes/no\s*questions|narrative|(?:story\s*)?retell(?:ing)?|MLU|plurals?|past\s*tense|pronouns|syntax|grammar|morpholog(?:y|ical)|core\s*vocabulary|requesting|turn[- ]taking|rhyming|segmentation|spatial\s*concepts|describing|reading\s*(?:aloud|passage)|passage`,
  ],
  // Parameters: distance, load, height, time, counts, accuracy, surfaces.
  parameters: [
    String.raw`${NUM}[\s-]*(?:ft|feet|foot|m|meters?|metres?|yards?|yds?)`,
    String.raw`${NUM}\s*'`,
    String.raw`${NUM}[\s-]*(?:lbs?|pounds?|kg|#)`,
    String.raw`${NUM}[\s-]*(?:in(?:ch(?:es)?)?|")\s*(?:chair|step|box|surface|height|bench|bed|table|curb|stool|platform|mat|seat)`,
    String.raw`${NUM}[\s-]*(?:inch(?:es)?|cm)`,
    String.raw`${NUM}\s*(?:min(?:ute)?s?|sec(?:ond)?s?|hrs?|hours?)`,
    String.raw`x\s*\d+`,
    String.raw`\d+\s*(?:reps?|repetitions?|sets?|trials?|times|rounds?|laps?|steps|stairs|bouts?|attempts?|items?|words?|cycles?|opportunities|oscillations)`,
    String.raw`\d+\s*%(?:\s*(?:accuracy|acc|of\s*trials|correct))?`,
    String.raw`\d+\s*/\s*\d+(?:\s*(?:trials|opportunities|attempts|correct))?`,
    String.raw`(?:uneven|unlevel|compliant|level|soft|carpeted|grassy|outdoor|varied)\s*(?:surfaces?|terrain|ground)`,
    String.raw`foam(?:\s*(?:pad|beam|surface))?|carpet|grass|gravel|ramps?|inclines?`,
    String.raw`(?:low|high|standard|elevated)\s*(?:chair|surface|bed|mat|table|seat|shelf|shelves|counter)`,
    String.raw`(?:shoulder|waist|counter|eye|chest)\s*height|floor\s*level|from\s*(?:the\s*)?floor`,
    // SLP and OT measures: loudness, pressure, bolus volume, counts of productions, trials and errors.
    String.raw`${NUM}\s*(?:dB|kPa|mL|ml|cc|tsp|tbsp|ms|Hz)`,
    String.raw`\d+\s*(?:productions|sentences|phrases|syllables|sips|bites|boluses|swallows|sounds|questions|responses|errors?|blocks|targets|pictures|objects|coins|pegs|buttons|cones|items|holds|presses)`,
    String.raw`\d+\s*(?:of|out\s*of)\s*\d+`,
    String.raw`\d+\s*x(?![a-z0-9])|level\s*\d+|\d+[- ](?:step|item|digit|word|part)s?`,
    String.raw`(?:first|second|third|each)\s*(?:attempt|trial)|best\s*time|(?:one|two|three|four|five|six|eight|ten|twelve)\s*(?:reps|trials|times|steps|sets|items)`,
  ],
  // A purpose or setting: what follows is what the task served, not the task ("cues for balance").
  purpose: [
    String.raw`for|while|during|in\s*prep(?:aration)?\s*for|(?:focus|emphasis)\s*on|focusing\s*on`,
    String.raw`to\s*(?:improve|increase|decrease|reduce|promote|address|facilitate|simulate|challenge|maintain|allow|prepare|work\s*on|keep|avoid|lock|initiate|attend|reach)`,
  ],
  // A result reported in the clause ("balance noted improved", "gait steady"): not the activity done.
  observation: ['noted|observed|improv(?:ed|es|ing|ement)|steady|unsteady|impaired|better|worse'],
  // Words that start a new activity within one sentence.
  clauseBreak: [String.raw`then|followed\s*by|also|afterwards?`],
};
