-- BAG facts on the portfolio, as imported from a saved PDOK OGC API response (import kind
-- 'bag', allowed since 0005): the registered status and gebruiksdoel, and where the object lies
-- (WGS84 / CRS84, as PDOK serves by default). bouwjaar (panden) and area_m2 (verblijfsobjecten)
-- already exist and are updated by the same import. These columns are server-side only for
-- now: the sync functions of 0003 publish what devices need, and are left unchanged.

ALTER TABLE panden
  ADD COLUMN bag_status text CHECK (length(btrim(bag_status)) > 0),
  -- PDOK's aggregate of the gebruiksdoelen of the verblijfsobjecten in the pand.
  ADD COLUMN bag_gebruiksdoel text[],
  -- The footprint as a GeoJSON Polygon or MultiPolygon in CRS84 (longitude, latitude).
  ADD COLUMN geometry jsonb CHECK (geometry ->> 'type' IN ('Polygon', 'MultiPolygon')),
  ADD COLUMN centroid_lat double precision CHECK (centroid_lat BETWEEN -90 AND 90),
  ADD COLUMN centroid_lon double precision CHECK (centroid_lon BETWEEN -180 AND 180),
  ADD CHECK ((centroid_lat IS NULL) = (centroid_lon IS NULL));

ALTER TABLE verblijfsobjecten
  ADD COLUMN bag_status text CHECK (length(btrim(bag_status)) > 0),
  ADD COLUMN gebruiksdoel text[],
  -- The BAG point of the verblijfsobject in CRS84.
  ADD COLUMN latitude double precision CHECK (latitude BETWEEN -90 AND 90),
  ADD COLUMN longitude double precision CHECK (longitude BETWEEN -180 AND 180),
  ADD CHECK ((latitude IS NULL) = (longitude IS NULL));

-- The BAG import matches on BAG ids within an organisation.
CREATE INDEX panden_bag_pand_idx ON panden (organisation_id, bag_pand_id);
