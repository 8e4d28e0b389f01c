import { z } from 'zod';

// GeoJSON (RFC 7946) for map tools (QGIS, ArcGIS, geojson.io): WGS 84 longitude/latitude in
// that order, which is the mistake everyone makes once, so points are built only here.

/** Seven decimals is about 1 cm: more is noise, less can put a point on the wrong building. */
const COORDINATE_DECIMALS = 7;

export const LonLatSchema = z.object({
  lon: z.number().min(-180).max(180),
  lat: z.number().min(-90).max(90),
});
export type LonLat = z.infer<typeof LonLatSchema>;

export type GeoJsonProperties = Record<string, string | number | boolean | null>;

export const GeoJsonPointSchema = z.object({
  type: z.literal('Point'),
  coordinates: z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]),
});
export type GeoJsonPoint = z.infer<typeof GeoJsonPointSchema>;

export const GeoJsonFeatureSchema = z.object({
  type: z.literal('Feature'),
  id: z.string(),
  geometry: GeoJsonPointSchema,
  properties: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
});
export type GeoJsonFeature = z.infer<typeof GeoJsonFeatureSchema>;

export const GeoJsonFeatureCollectionSchema = z.looseObject({
  type: z.literal('FeatureCollection'),
  features: z.array(GeoJsonFeatureSchema),
});
export type GeoJsonFeatureCollection<Extra extends object = object> = {
  type: 'FeatureCollection';
  features: GeoJsonFeature[];
} & Extra;

export const GEOJSON_MIME = 'application/geo+json';

function round(value: number): number {
  const factor = 10 ** COORDINATE_DECIMALS;
  return Math.round(value * factor) / factor;
}

export function pointFeature(
  id: string,
  position: LonLat,
  properties: GeoJsonProperties,
): GeoJsonFeature {
  const { lon, lat } = LonLatSchema.parse(position);
  return {
    type: 'Feature',
    id,
    geometry: { type: 'Point', coordinates: [round(lon), round(lat)] },
    properties,
  };
}

/**
 * A FeatureCollection; `extra` becomes foreign members next to `features` (RFC 7946 §6.1), e.g.
 * a summary of what was left out.
 */
export function featureCollection<Extra extends object>(
  features: readonly GeoJsonFeature[],
  extra: Extra,
): GeoJsonFeatureCollection<Extra> {
  return { ...extra, type: 'FeatureCollection', features: [...features] };
}

/**
 * The centroid (mean position) of points, or null without points. A plain mean is exact enough
 * for the buildings of one complex (a few hundred metres; the Netherlands is far from ±180°).
 */
export function centroid(points: readonly LonLat[]): LonLat | null {
  if (points.length === 0) return null;
  let lon = 0;
  let lat = 0;
  for (const point of points) {
    lon += point.lon;
    lat += point.lat;
  }
  return { lon: lon / points.length, lat: lat / points.length };
}
