-- Organisations (corporations), their users, and the portfolio hierarchy
-- complex -> pand (BAG building) -> verblijfsobject (BAG dwelling, the corporation's VHE).
-- Every row carries organisation_id, and children reference their parent together with the
-- organisation (composite foreign keys), so a pand can never hang under another
-- corporation's complex. Shipped migrations are never edited: add a new numbered file.

CREATE TABLE organisations (
  id uuid PRIMARY KEY,
  name text NOT NULL CHECK (length(btrim(name)) > 0),
  -- Stable identifier for URLs and logins; lowercase words joined by hyphens.
  slug text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE users (
  id uuid PRIMARY KEY,
  organisation_id uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
  -- Stored lowercase so uniqueness is case-insensitive without an extension (citext).
  email text NOT NULL CHECK (email = lower(email) AND email ~ '^[^@\s]+@[^@\s]+$'),
  display_name text NOT NULL CHECK (length(btrim(display_name)) > 0),
  role text NOT NULL CHECK (role IN ('inspecteur', 'duurzaamheid', 'veiligheid', 'beheerder')),
  -- Null until the account gets a password (accounts arrive in a later migration/issue).
  password_hash text,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (organisation_id, email)
);

CREATE TABLE complexes (
  id uuid PRIMARY KEY,
  organisation_id uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
  -- The corporation's own number, e.g. 'C-1001'.
  complexnummer text NOT NULL CHECK (length(btrim(complexnummer)) > 0),
  name text NOT NULL CHECK (length(btrim(name)) > 0),
  gemeente text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (organisation_id, complexnummer),
  UNIQUE (organisation_id, id)
);

CREATE TABLE panden (
  id uuid PRIMARY KEY,
  organisation_id uuid NOT NULL,
  complex_id uuid NOT NULL,
  -- BAG pand id: 4-digit gemeentecode, objecttype 10, 10-digit volgnummer.
  bag_pand_id text CHECK (bag_pand_id ~ '^[0-9]{4}10[0-9]{10}$'),
  bouwjaar integer CHECK (bouwjaar BETWEEN 1000 AND 2200),
  storeys integer CHECK (storeys BETWEEN 1 AND 200),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (organisation_id, complex_id)
    REFERENCES complexes (organisation_id, id) ON DELETE CASCADE,
  -- One BAG building may house dwellings of two complexes, so it is unique per complex.
  UNIQUE (organisation_id, complex_id, bag_pand_id),
  UNIQUE (organisation_id, id)
);

CREATE TABLE verblijfsobjecten (
  id uuid PRIMARY KEY,
  organisation_id uuid NOT NULL,
  pand_id uuid NOT NULL,
  -- The corporation's verhuureenheid number, e.g. 'C-1001-001'.
  vhe_nummer text NOT NULL CHECK (length(btrim(vhe_nummer)) > 0),
  -- BAG verblijfsobject id: 4-digit gemeentecode, objecttype 01, 10-digit volgnummer.
  bag_verblijfsobject_id text CHECK (bag_verblijfsobject_id ~ '^[0-9]{4}01[0-9]{10}$'),
  postcode text CHECK (postcode ~ '^[1-9][0-9]{3} [A-Z]{2}$'),
  huisnummer integer CHECK (huisnummer BETWEEN 1 AND 99999),
  huisletter text CHECK (huisletter ~ '^[A-Za-z]$'),
  toevoeging text CHECK (toevoeging ~ '^[A-Za-z0-9]{1,4}$'),
  woonplaats text,
  woningtype text,
  -- BAG gebruiksoppervlakte in whole square metres.
  area_m2 integer CHECK (area_m2 > 0),
  -- 0 is the ground floor; negative for basements.
  floor integer CHECK (floor BETWEEN -5 AND 200),
  lift boolean,
  energy_label_class text CHECK (
    energy_label_class IN ('A++++', 'A+++', 'A++', 'A+', 'A', 'B', 'C', 'D', 'E', 'F', 'G')
  ),
  energy_label_registration_date date,
  energy_label_recording_date date,
  energy_label_valid_until date,
  -- Primary fossil energy, kWh/m2 per year (NTA 8800 labels, since 2021).
  energy_label_ep2 double precision,
  -- Energie-Index (labels registered 2015-2020).
  energy_label_energy_index double precision,
  energy_label_source text CHECK (energy_label_source IN ('ep-online', 'inspectie', 'handmatig')),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (organisation_id, pand_id)
    REFERENCES panden (organisation_id, id) ON DELETE CASCADE,
  UNIQUE (organisation_id, vhe_nummer),
  UNIQUE (organisation_id, bag_verblijfsobject_id),
  -- A label is all or nothing: class, registration, expiry and source together.
  CHECK (
    (energy_label_class IS NULL) = (energy_label_registration_date IS NULL)
    AND (energy_label_class IS NULL) = (energy_label_valid_until IS NULL)
    AND (energy_label_class IS NULL) = (energy_label_source IS NULL)
  ),
  CHECK (energy_label_valid_until >= energy_label_registration_date)
);

CREATE INDEX panden_complex_idx ON panden (complex_id);
CREATE INDEX verblijfsobjecten_pand_idx ON verblijfsobjecten (pand_id);
CREATE INDEX verblijfsobjecten_address_idx
  ON verblijfsobjecten (organisation_id, postcode, huisnummer);
