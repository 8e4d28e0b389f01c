import { describe, expect, it } from 'vitest';
import {
  centroid,
  featureCollection,
  GeoJsonFeatureCollectionSchema,
  pointFeature,
} from './geojson.ts';

describe('GeoJSON builder', () => {
  it('writes longitude before latitude, rounded to seven decimals', () => {
    const feature = pointFeature('c1', { lon: 4.4777325123, lat: 51.9244201987 }, { naam: 'x' });
    expect(feature.geometry.coordinates).toEqual([4.4777325, 51.9244202]);
  });

  it('refuses a position outside the world', () => {
    expect(() => pointFeature('c1', { lon: 200, lat: 52 }, {})).toThrow();
  });

  it('builds a valid FeatureCollection with foreign members next to the features', () => {
    const collection = featureCollection(
      [pointFeature('c1', { lon: 4.5, lat: 52 }, { status: 'efg', woningen: 12 })],
      { withoutCoordinates: ['C-2'] },
    );
    expect(GeoJsonFeatureCollectionSchema.parse(collection)).toEqual(collection);
    expect(collection.type).toBe('FeatureCollection');
    expect(collection.withoutCoordinates).toEqual(['C-2']);
  });

  it('averages points into a centroid and has none without points', () => {
    expect(
      centroid([
        { lon: 4, lat: 52 },
        { lon: 5, lat: 53 },
      ]),
    ).toEqual({ lon: 4.5, lat: 52.5 });
    expect(centroid([])).toBeNull();
  });
});
