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
  'speech',
  'parameters',
] as const;
export type FeatureKind = (typeof FEATURE_KINDS)[number];

const NUM = String.raw`\d+(?:\.\d+)?`;

/** Regular-expression sources per kind (case-insensitive, matched at word starts, ended before a letter or digit). */
export const PATTERNS: Record<FeatureKind, readonly string[]> = {
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
  ],
  // Text that says inactive time was kept out of the billed minutes cancels an "inactive" match.
  inactiveExcluded: [
    String.raw`(?:rest|waiting|wait|set[- ]?up|documentation)[^.;]{0,40}?(?:excluded|not\s*(?:billed|included|counted))`,
    String.raw`(?:excluding|excl\.?|not\s*including)\s*(?:[a-z]+\s+){0,2}?(?:rest|waiting|set[- ]?up)`,
  ],
  // Rest, waiting, setup, paperwork or unattended time inside billed minutes (Pub. 100-02 Ch. 15 §220.3 E; FCSO [S4]).
  inactive: [
    String.raw`rest\s*(?:breaks?|periods?)(?:\s*(?:were\s*|are\s*)?(?:included|incl\.?|counted|billed))?`,
    String.raw`set[- ]?up(?:\s*(?:time|of\s*equipment|included|between))?`,
    String.raw`incl(?:uding|uded|udes|\.)?\s*(?:[a-z]+\s+){0,2}?rest(?:\s*breaks?|\s*periods?)?`,
    String.raw`(?:while|during)\s*(?:waiting|wait)`,
    String.raw`waiting\s*(?:for|on|time|room)`,
    String.raw`wait\s*time`,
    String.raw`(?:documentation|documenting|charting|paperwork)(?:\s*time)?`,
    'unattended',
    String.raw`left\s*(?:alone|unattended)`,
    String.raw`(?:pt|patient)\s*rest(?:ed|ing)`,
    String.raw`rest(?:ed|ing)?\s*\d+\s*min(?:ute)?s?`,
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
    String.raw`(?:verbal|tactile|visual|auditory|written|min(?:imal)?|mod(?:erate)?|max(?:imal)?|frequent|occasional|intermittent|consistent|constant|multimodal|physical|gestural|phonemic|semantic)\s*(?:(?:and|&|/)\s*[a-z]+\s*)?(?:cues?|cueing|cuing|prompts?|prompting)`,
    'VCs?|TCs?',
    String.raw`cue(?:s|ing|d)?\s*(?:for|to)`,
    'cueing|cuing',
    'demonstration|demo',
    'hand[- ]over[- ]hand',
    String.raw`(?:visual|verbal|mirror)\s*feedback`,
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
    String.raw`(?:mini[- ]?)?squats?(?!\s*to\s*(?:retrieve|pick|lift|reach|the\s*floor|floor))`,
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
  ],
  // Dynamic functional tasks (97530: transfers, lifting, carrying, reaching, bending; LCD language [S20]).
  task: [
    String.raw`(?:sit|stand|supine|bed|chair|w/?c|wheelchair|toilet|tub|shower|car|floor|commode|mat|bench)\s*(?:to|2|-|/)\s*(?:stand|sit|supine|bed|chair|w/?c|wheelchair|toilet|tub|floor|commode|mat)(?:\s*transfers?)?`,
    String.raw`(?:toilet|tub|shower|car|bed|floor|w/?c|wheelchair|chair|bench|commode|mat|stand[- ]?pivot|squat[- ]?pivot|slide\s*board|sliding\s*board)\s*transfers?`,
    'transfer(?:s|ring|red)?|STS|stand[- ]?pivot',
    String.raw`bed\s*mobility|roll(?:ing)?\s*(?:to\s*(?:left|right|side)|in\s*bed|side\s*to\s*side)`,
    'reach(?:ing|es|ed)?|lift(?:ing|s|ed)?|carr(?:y|ying|ies|ied)|bend(?:ing|s)?|kneel(?:ing)?|half[- ]kneel(?:ing)?',
    String.raw`squat(?:ting)?\s*to\s*(?:retrieve|pick(?:\s*up)?|lift|reach|the\s*floor|floor)`,
    String.raw`push(?:ing)?|pull(?:ing)?|retriev(?:e|ing|al)|pick(?:ing)?\s*up|catch(?:ing)?|throw(?:ing)?|toss(?:ing)?`,
    String.raw`overhead\s*(?:activities|reaching|tasks?|lifting)|obstacles?(?:\s*course)?|step(?:ping)?\s*over`,
    String.raw`floor\s*recovery|get(?:ting)?\s*(?:up\s*)?(?:off|on|from)\s*(?:the\s*)?floor`,
    String.raw`(?:simulated|functional)\s*(?:work|job|household|home)\s*tasks?|work\s*simulation|yard\s*work|gardening`,
    'grocer(?:y|ies)|shel(?:f|ves)|cabinets?|counter(?:top)?',
    String.raw`(?:fine|gross)\s*motor\s*(?:tasks?|coordination|activities|skills)|manipulat(?:e|ing)\s*(?:objects|coins|buttons|small\s*objects)|grasp(?:ing)?|pinch(?:ing)?|handwriting`,
    String.raw`(?:car|vehicle)\s*(?:entry|exit)|in\s*and\s*out\s*of`,
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
    '(?:self[- ]?)?feeding|eating|I?ADLs?|self[- ]care',
    String.raw`adaptive\s*equipment|energy\s*conservation|medication\s*management|money\s*management|home\s*safety`,
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
    String.raw`attention|(?:working\s*)?memory|recall|problem[- ]solving|sequencing|executive\s*function(?:ing)?|orientation`,
    String.raw`safety\s*awareness|judge?ment|processing\s*speed|cognitive|cognition|(?:memory|compensatory)\s*strateg(?:y|ies)|memory\s*book|initiation`,
  ],
  // Swallowing (92526).
  swallow: [
    String.raw`swallow(?:ing|s)?|dysphagia|bolus|chin\s*tucks?|(?:effortful|supraglottic|mendelsohn)(?:\s*(?:swallow|maneuver))?|masako|shaker|EMST`,
    String.raw`thin\s*liquids?|nectar[- ]thick|honey[- ]thick|mechanical\s*soft|pureed?|minced|IDDSI|diet\s*(?:level|trials?|advancement)|PO\s*trials?`,
    String.raw`oral\s*(?:intake|phase|transit)|pharyngeal|aspiration|penetration|laryngeal`,
  ],
  // Speech, language, voice and fluency (92507).
  speech: [
    String.raw`word\s*(?:retrieval|finding)|articulation|phonolog(?:y|ical)|phonemes?|(?:initial|medial|final)\s*position|word[- ]finding|(?:confrontation\s*)?naming`,
    'expressive|receptive|language|aphasia|apraxia|dysarthria|fluency|stutter(?:ing)?|voice|vocal|resonance|intelligibility',
    String.raw`(?:sentence|phrase|word)\s*(?:level|formulation)|conversation(?:al)?|comprehension|(?:\d+[- ]step\s*)?(?:commands|directions)`,
    'oral[- ]motor|pragmatics|AAC|speech',
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
  ],
};
