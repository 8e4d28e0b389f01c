import type { Help, LocalizedText, Option, Question, RuleCitation } from './template-schema.ts';

// Shorthands for writing template data. They only build plain objects; a change here changes
// shipped templates and so fails the fingerprint test, as it should.

export function text(nl: string, en?: string): LocalizedText {
  return en === undefined ? { nl } : { nl, en };
}

export function help(nl: string, ...rules: [RuleCitation, ...RuleCitation[]]): Help {
  return { text: { nl }, rules };
}

export function options(...entries: [id: string, nl: string][]): Option[] {
  return entries.map(([id, nl]) => ({ id, label: { nl } }));
}

/** The usual "non-compliant answer needs a photo" for a ja/nee question where ja is in order. */
export const photoWhenNee = { op: 'equals', value: 'nee' } as const;
export const passWhenJa = { op: 'equals', value: 'ja' } as const;

// Questions several templates ask in the same form; only their help (and photo label) differ.

/** The optional free-text question a template closes with. */
export function remarksQuestion(questionHelp: Help): Question {
  return {
    id: 'opmerkingen',
    type: 'text',
    label: text('Opmerkingen'),
    required: false,
    maxLength: 2000,
    help: questionHelp,
  };
}

/** Optional photos of the situation, for whoever takes the next step. */
export function photosQuestion(label: string, maxPhotos: number, questionHelp: Help): Question {
  return {
    id: 'fotos',
    type: 'photo',
    label: text(label),
    required: false,
    maxPhotos,
    help: questionHelp,
  };
}

/** The quick scans' photos, which the structural engineer looks at before the next step. */
export function quickScanPhotosQuestion(label: string): Question {
  return photosQuestion(
    label,
    10,
    help(
      "Foto's helpen de constructeur en het ontwikkelteam bij de vervolgstap.",
      'quickscan.constructeur',
    ),
  );
}

/** Free height of a room, against the 2,6 m of verblijfsgebied (or a rechtens verkregen niveau). */
export function ceilingHeightQuestion(helpNl: string): Question {
  return {
    id: 'plafondhoogte',
    type: 'measurement',
    unit: 'm',
    label: text('Vrije hoogte (vloer tot plafond)'),
    required: true,
    min: 1,
    max: 10,
    decimals: 2,
    help: help(helpNl, 'woning.plafondhoogte.2-6m', 'bbl.rechtens-verkregen-niveau'),
  };
}

/** Height of the highest floor, which decides lift and fire-brigade requirements. */
export function highestFloorQuestion(questionHelp: Help): Question {
  return {
    id: 'hoogste-vloer',
    type: 'measurement',
    unit: 'm',
    label: text('Hoogte van de hoogste vloer boven meetniveau'),
    required: true,
    min: 0,
    max: 200,
    decimals: 2,
    help: questionHelp,
  };
}
