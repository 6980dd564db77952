/** What makes a plan-of-care goal measurable (Pub. 100-02 Ch. 15 §220.1.2: long-term goals must be measurable). */
export interface GoalJudgement {
  /** A number with a unit, a named test or scale, an assistance level, or accuracy. */
  target: string | undefined;
  /** "in 4 weeks", "by discharge", "within 6 visits". */
  timeframe: string | undefined;
}

const TIMEFRAME =
  /\b(?:(?:in|within|by|over|after)\s*(?:\d+|one|two|three|four|five|six|eight|ten|twelve)\s*(?:days?|wks?|weeks?|months?|mos?|visits?|sessions?)|by\s*(?:d\/?c|discharge|end\s*of\s*(?:poc|plan|episode|cert(?:ification)?))|(?:STG|LTG)s?\b|\d+\s*(?:wks?|weeks?|months?|visits?)\b)/i;

const TARGET = new RegExp(
  [
    // numbers with units or scores
    String.raw`\d+(?:\.\d+)?\s*(?:ft|feet|m|meters?|yards?|lbs?|pounds?|kg|°|deg(?:rees?)?|sec(?:onds?)?|s\b|min(?:utes?)?|reps?|steps|stairs|%|\/\s*\d+|points?|inch(?:es)?|in\b|cm|blocks?)`,
    // named tests and scales
    String.raw`\b(?:TUG|Berg|6MWT|10MWT|DGI|FGA|tinetti|5xSTS|LEFS|ODI|oswestry|NDI|DASH|quickDASH|FOTO|ABC|NPRS|VAS|MMT|ROM|FIM|COPM|AM-?PAC|FOIS|penetration[- ]aspiration|SLUMS|MoCA|pain\s*(?:\d|at|to|of|≤|<))`,
    // assistance levels
    String.raw`\b(?:independent(?:ly)?|mod(?:ified)?\s*I\b|SBA|stand[- ]?by|supervision|CGA|contact\s*guard|(?:min(?:imal)?|mod(?:erate)?|max(?:imal)?)\s*(?:A\b|assist)|\d+\s*%\s*assist)`,
    // accuracy and cueing targets
    // "8 of 10 trials", "9 out of 10 objects": a proportion is a target whatever it counts
    String.raw`\b\d+\s*(?:of|out\s+of)\s*\d+\b`,
    String.raw`\b(?:\d+\s*\/\s*\d+\s*trials|\d+\s*%\s*(?:accuracy|of\s*trials)|(?:min(?:imal)?|no)\s*cues)`,
  ].join('|'),
  'i',
);

/**
 * Judges whether a goal sets a measurable target and a timeframe.
 * @param text - the goal as written in the plan of care
 */
export function judgeGoal(text: string): GoalJudgement {
  return { target: TARGET.exec(text)?.[0], timeframe: TIMEFRAME.exec(text)?.[0] };
}
