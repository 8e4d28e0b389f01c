import { ImportFileError } from './report.ts';

// Reads a GeoJSON FeatureCollection (as an OGC API Features server such as PDOK returns it)
// from text chunks and hands out one feature at a time, so only one feature is ever held as
// text: a saved response of a whole municipality does not need to fit in memory. The scanner
// tracks strings and nesting; every feature object inside the top-level "features" array is cut
// out and parsed on its own, and everything around it (type, links, numberReturned...) is kept
// as a small skeleton that is parsed at the end to check the file really is a FeatureCollection.

export interface FeatureText {
  /** 1-based position of the feature in the "features" array. */
  index: number;
  /** The feature, parsed; undefined when its text is not valid JSON. */
  value: unknown;
  /** Why the feature could not be parsed. */
  error?: string;
}

const MAX_SKELETON_CHARS = 1_000_000;
const MAX_FEATURE_CHARS = 32_000_000;
const FEATURES_KEY = /"features"\s*:\s*$/;

function notCollection(detail: string): ImportFileError {
  return new ImportFileError(
    `Het bestand is geen GeoJSON FeatureCollection zoals PDOK die levert (${detail}); ` +
      `er is niets geïmporteerd (not a GeoJSON FeatureCollection, nothing imported)`,
  );
}

export async function* readGeoJsonFeatures(
  chunks: AsyncIterable<string>,
): AsyncGenerator<FeatureText> {
  let depth = 0;
  let inString = false;
  let escaped = false;
  let inFeatures = false;
  let sawFeatures = false;
  let skeleton = '';
  let feature: string[] | undefined;
  let featureChars = 0;
  let index = 0;
  let started = false;

  for await (const chunk of chunks) {
    const ready: FeatureText[] = [];
    // Start of the current feature's text within this chunk (-1: not in a feature).
    let featureFrom = feature ? 0 : -1;
    let skeletonFrom = 0;
    let position = 0;
    if (!started && chunk.length > 0) {
      started = true;
      if (chunk.charCodeAt(0) === 0xfeff) {
        position = 1;
        skeletonFrom = 1;
      }
    }
    for (; position < chunk.length; position += 1) {
      const char = chunk[position];
      if (inString) {
        if (escaped) escaped = false;
        else if (char === '\\') escaped = true;
        else if (char === '"') inString = false;
        continue;
      }
      if (char === '"') {
        inString = true;
        continue;
      }
      if (char === '{' || char === '[') {
        if (inFeatures && depth === 2) {
          if (char !== '{') throw notCollection(`onderdeel ${index + 1} is geen object`);
          index += 1;
          feature = [];
          featureChars = 0;
          featureFrom = position;
        } else if (!inFeatures && depth === 1 && char === '[') {
          skeleton += chunk.slice(skeletonFrom, position);
          skeletonFrom = position;
          if (FEATURES_KEY.test(skeleton.slice(-64))) {
            inFeatures = true;
            sawFeatures = true;
            skeleton += '[';
            skeletonFrom = position + 1;
            depth += 1;
            continue;
          }
        }
        depth += 1;
        continue;
      }
      if (char === '}' || char === ']') {
        depth -= 1;
        if (depth < 0) throw notCollection('meer sluithaken dan openingshaken');
        if (inFeatures && depth === 2 && feature && featureFrom >= 0) {
          feature.push(chunk.slice(featureFrom, position + 1));
          ready.push(parseFeature(index, feature.join('')));
          feature = undefined;
          featureFrom = -1;
        } else if (inFeatures && depth === 1) {
          // The closing bracket of "features" belongs to the skeleton again.
          inFeatures = false;
          skeletonFrom = position;
        }
        continue;
      }
      if (inFeatures && depth === 2 && !feature && !/[\s,]/.test(char ?? '')) {
        throw notCollection(`onderdeel ${index + 1} is geen object`);
      }
    }
    if (feature && featureFrom >= 0) {
      const part = chunk.slice(featureFrom);
      featureChars += part.length;
      if (featureChars > MAX_FEATURE_CHARS) throw notCollection(`object ${index} is te groot`);
      feature.push(part);
    } else if (!inFeatures) {
      skeleton += chunk.slice(skeletonFrom);
    }
    if (skeleton.length > MAX_SKELETON_CHARS) {
      throw notCollection('te veel tekst buiten "features"');
    }
    yield* ready;
  }

  if (!started)
    throw new ImportFileError('Het bestand is leeg; er is niets geïmporteerd (the file is empty)');
  if (inString || depth !== 0) {
    throw new ImportFileError(
      'Het JSON-bestand is afgebroken (niet alle haken of aanhalingstekens worden gesloten); ' +
        'er is niets geïmporteerd (the JSON file is truncated, nothing imported)',
    );
  }
  let top: unknown;
  try {
    top = JSON.parse(skeleton);
  } catch (error) {
    throw notCollection(`geen geldige JSON: ${(error as Error).message}`);
  }
  if (typeof top !== 'object' || top === null || Array.isArray(top)) {
    throw notCollection('geen JSON-object');
  }
  const type = (top as { type?: unknown }).type;
  if (type !== 'FeatureCollection') {
    throw notCollection(`"type" is ${JSON.stringify(type ?? null)}`);
  }
  if (!sawFeatures) throw notCollection('er is geen lijst "features"');
}

function parseFeature(index: number, text: string): FeatureText {
  try {
    return { index, value: JSON.parse(text) as unknown };
  } catch (error) {
    return { index, value: undefined, error: (error as Error).message };
  }
}
