// One kind of measurement, two units across the checklists (door widths in m, gallery widths in
// cm). The shipped template versions stay as they are (they are immutable, and stored answers
// keep their unit); instead a typed number is read in the other length unit when only that
// reading fits the question: "1,4" for a whole number of cm is 1,4 m = 140 cm, "140" for a door
// width of at most 3 m is 140 cm = 1,4 m. When both readings fit, or neither, it stays as typed.

interface LengthQuestion {
  unit: string;
  min: number;
  max: number;
  decimals: number;
}

export interface MeasurementReading {
  value: number;
  /** Set when the number was read in the other unit: the unit the inspector typed in. */
  readAs?: 'm' | 'cm';
}

function fits(value: number, question: LengthQuestion): boolean {
  const factor = 10 ** question.decimals;
  const whole = Math.abs(Math.round(value * factor) / factor - value) < 1e-9;
  return whole && value >= question.min && value <= question.max;
}

/** The value to store for a number typed into a length measurement, and how it was read. */
export function readMeasurement(typed: number, question: LengthQuestion): MeasurementReading {
  if (fits(typed, question)) return { value: typed };
  if (question.unit === 'cm') {
    const inCm = Math.round(typed * 100 * 1e6) / 1e6;
    if (fits(inCm, question)) return { value: inCm, readAs: 'm' };
  }
  if (question.unit === 'm') {
    const inM = Math.round((typed / 100) * 1e6) / 1e6;
    if (fits(inM, question)) return { value: inM, readAs: 'cm' };
  }
  return { value: typed };
}
