package sqlstore

import "strings"

// CoreSchema returns the tables every dialect shares, with the dialect's
// types for floating-point and binary columns. Statements are separated by "-- next".
func CoreSchema(float, blob string) string {
	return strings.NewReplacer("FLOAT", float, "BLOB", blob).Replace(coreSchema)
}

const coreSchema = `CREATE TABLE articles (
	id TEXT PRIMARY KEY,
	url TEXT NOT NULL DEFAULT '',
	title TEXT NOT NULL DEFAULT '',
	source TEXT NOT NULL DEFAULT '',
	published TEXT NOT NULL DEFAULT '',
	language TEXT NOT NULL DEFAULT '',
	text TEXT NOT NULL,
	content_hash TEXT NOT NULL,
	pipeline_version TEXT NOT NULL,
	pipeline_models TEXT NOT NULL,
	analysis TEXT NOT NULL,
	dup_group TEXT NOT NULL,
	sig BLOB,
	ingested_at TEXT NOT NULL
)
-- next
CREATE INDEX articles_published ON articles (published)
-- next
CREATE INDEX articles_group ON articles (dup_group)
-- next
CREATE TABLE bands (doc_id TEXT NOT NULL, band BIGINT NOT NULL)
-- next
CREATE INDEX bands_band ON bands (band)
-- next
CREATE INDEX bands_doc ON bands (doc_id)
-- next
CREATE TABLE entities (
	uid TEXT PRIMARY KEY, doc_id TEXT NOT NULL, local_id TEXT NOT NULL, name TEXT NOT NULL, type TEXT NOT NULL,
	country TEXT NOT NULL DEFAULT '', code TEXT NOT NULL DEFAULT '', sector TEXT NOT NULL DEFAULT '', title TEXT NOT NULL DEFAULT '',
	confidence FLOAT NOT NULL DEFAULT 0, mentions INTEGER NOT NULL DEFAULT 0
)
-- next
CREATE INDEX entities_doc ON entities (doc_id)
-- next
CREATE INDEX entities_name ON entities (name)
-- next
CREATE INDEX entities_country ON entities (country)
-- next
CREATE TABLE mentions (
	uid TEXT PRIMARY KEY, doc_id TEXT NOT NULL, entity_uid TEXT NOT NULL, start_off INTEGER NOT NULL, end_off INTEGER NOT NULL,
	text TEXT NOT NULL, role TEXT NOT NULL DEFAULT '', rule TEXT NOT NULL DEFAULT ''
)
-- next
CREATE INDEX mentions_doc ON mentions (doc_id)
-- next
CREATE INDEX mentions_entity ON mentions (entity_uid)
-- next
CREATE TABLE quotes (
	uid TEXT PRIMARY KEY, doc_id TEXT NOT NULL, local_id TEXT NOT NULL, kind TEXT NOT NULL, start_off INTEGER NOT NULL, end_off INTEGER NOT NULL,
	text TEXT NOT NULL, speaker TEXT NOT NULL DEFAULT '', speaker_code TEXT NOT NULL DEFAULT '', anonymous BOOLEAN NOT NULL DEFAULT FALSE,
	source_description TEXT NOT NULL DEFAULT '', via TEXT NOT NULL DEFAULT '', medium TEXT NOT NULL DEFAULT '', cue TEXT NOT NULL DEFAULT '',
	confidence FLOAT NOT NULL DEFAULT 0, published TEXT NOT NULL DEFAULT ''
)
-- next
CREATE INDEX quotes_doc ON quotes (doc_id)
-- next
CREATE INDEX quotes_published ON quotes (published)
-- next
CREATE TABLE times (
	uid TEXT PRIMARY KEY, doc_id TEXT NOT NULL, local_id TEXT NOT NULL, start_off INTEGER NOT NULL, end_off INTEGER NOT NULL,
	text TEXT NOT NULL, type TEXT NOT NULL, value TEXT NOT NULL DEFAULT '', mod TEXT NOT NULL DEFAULT ''
)
-- next
CREATE INDEX times_doc ON times (doc_id)
-- next
CREATE TABLE places (
	uid TEXT PRIMARY KEY, doc_id TEXT NOT NULL, local_id TEXT NOT NULL, start_off INTEGER NOT NULL, end_off INTEGER NOT NULL,
	text TEXT NOT NULL, name TEXT NOT NULL DEFAULT '', feature TEXT NOT NULL DEFAULT '', country TEXT NOT NULL DEFAULT '',
	lat FLOAT NOT NULL DEFAULT 0, lon FLOAT NOT NULL DEFAULT 0, geonames BIGINT NOT NULL DEFAULT 0
)
-- next
CREATE INDEX places_doc ON places (doc_id)
-- next
CREATE TABLE events (
	uid TEXT PRIMARY KEY, doc_id TEXT NOT NULL, local_id TEXT NOT NULL, type TEXT NOT NULL, mode TEXT NOT NULL DEFAULT '',
	cameo TEXT NOT NULL DEFAULT '', quad INTEGER NOT NULL DEFAULT 0, goldstein FLOAT NOT NULL DEFAULT 0, intensity FLOAT NOT NULL DEFAULT 0,
	modality TEXT NOT NULL, date TEXT NOT NULL DEFAULT '', date_rule TEXT NOT NULL DEFAULT '', place TEXT NOT NULL DEFAULT '',
	place_country TEXT NOT NULL DEFAULT '', place_lat FLOAT, place_lon FLOAT, place_geonames BIGINT NOT NULL DEFAULT 0,
	place_feature TEXT NOT NULL DEFAULT '', confidence FLOAT NOT NULL DEFAULT 0, rule TEXT NOT NULL DEFAULT '',
	trigger TEXT NOT NULL DEFAULT '', sentence TEXT NOT NULL DEFAULT '', merge_key TEXT NOT NULL, published TEXT NOT NULL DEFAULT ''
)
-- next
CREATE INDEX events_doc ON events (doc_id)
-- next
CREATE INDEX events_merge ON events (merge_key)
-- next
CREATE INDEX events_type_date ON events (type, date)
-- next
CREATE INDEX events_date ON events (date)
-- next
CREATE TABLE event_actors (
	event_uid TEXT NOT NULL, doc_id TEXT NOT NULL, role TEXT NOT NULL, name TEXT NOT NULL, code TEXT NOT NULL DEFAULT '', country TEXT NOT NULL DEFAULT '',
	sector TEXT NOT NULL DEFAULT '', title TEXT NOT NULL DEFAULT ''
)
-- next
CREATE INDEX event_actors_event ON event_actors (event_uid)
-- next
CREATE INDEX event_actors_doc ON event_actors (doc_id)
-- next
CREATE INDEX event_actors_code ON event_actors (code)
-- next
CREATE TABLE event_mentions (
	uid TEXT PRIMARY KEY, event_uid TEXT NOT NULL, doc_id TEXT NOT NULL, sentence INTEGER NOT NULL, start_off INTEGER NOT NULL,
	end_off INTEGER NOT NULL, trigger_start INTEGER NOT NULL, trigger_end INTEGER NOT NULL, trigger TEXT NOT NULL
)
-- next
CREATE INDEX event_mentions_event ON event_mentions (event_uid)
-- next
CREATE INDEX event_mentions_doc ON event_mentions (doc_id)
-- next
CREATE TABLE actor_registry (
	key TEXT PRIMARY KEY, name TEXT NOT NULL, type TEXT NOT NULL DEFAULT '', country TEXT NOT NULL DEFAULT '',
	sector TEXT NOT NULL DEFAULT '', title TEXT NOT NULL DEFAULT '', code TEXT NOT NULL DEFAULT '', rule TEXT NOT NULL DEFAULT '',
	first_doc TEXT NOT NULL DEFAULT '', seen INTEGER NOT NULL DEFAULT 0
)`

// SchemaV2 indexes event participants by code and country with their role,
// for the actor filters of event queries.
const SchemaV2 = `DROP INDEX event_actors_code
-- next
CREATE INDEX event_actors_code ON event_actors (code, role)
-- next
CREATE INDEX event_actors_country ON event_actors (country, role)`

// SchemaV3 keeps the distinct participant names apart, so a name filter
// scans this short list instead of every event participant.
const SchemaV3 = `CREATE TABLE actor_names (name TEXT PRIMARY KEY)
-- next
INSERT INTO actor_names (name) SELECT DISTINCT name FROM event_actors
-- next
CREATE INDEX event_actors_name ON event_actors (name, role)`

// SchemaV4 makes event lists by actor cheap on large stores. Events and
// their participants carry their sort day (the event's date, else the
// article's publication date) and participants their modality, so an
// index walk per participant name, code or country yields events newest
// first and stops at the page; distinct codes sit in their own table like
// names; and merge statistics are kept per merge key at ingest instead of
// being counted on every query.
const SchemaV4 = `ALTER TABLE events ADD COLUMN day TEXT NOT NULL DEFAULT ''
-- next
UPDATE events SET day = COALESCE(NULLIF(date, ''), published)
-- next
ALTER TABLE event_actors ADD COLUMN day TEXT NOT NULL DEFAULT ''
-- next
ALTER TABLE event_actors ADD COLUMN modality TEXT NOT NULL DEFAULT ''
-- next
UPDATE event_actors SET day = (SELECT e.day FROM events e WHERE e.uid = event_actors.event_uid),
	modality = (SELECT e.modality FROM events e WHERE e.uid = event_actors.event_uid)
-- next
DROP INDEX event_actors_code
-- next
DROP INDEX event_actors_country
-- next
DROP INDEX event_actors_name
-- next
CREATE INDEX event_actors_code ON event_actors (code, role, day, event_uid, modality)
-- next
CREATE INDEX event_actors_country ON event_actors (country, role, day, event_uid, modality)
-- next
CREATE INDEX event_actors_name ON event_actors (name, role, day, event_uid, modality)
-- next
CREATE INDEX events_day ON events (day, uid)
-- next
DROP INDEX events_type_date
-- next
DROP INDEX events_date
-- next
CREATE INDEX events_type_day ON events (type, day, uid)
-- next
CREATE TABLE actor_codes (code TEXT PRIMARY KEY)
-- next
INSERT INTO actor_codes (code) SELECT DISTINCT code FROM event_actors WHERE code <> ''
-- next
CREATE TABLE merge_stats (merge_key TEXT PRIMARY KEY, mentions INTEGER NOT NULL, articles INTEGER NOT NULL, sources INTEGER NOT NULL)
-- next
INSERT INTO merge_stats (merge_key, mentions, articles, sources)
	SELECT e.merge_key, (SELECT COUNT(*) FROM event_mentions m JOIN events x ON x.uid = m.event_uid WHERE x.merge_key = e.merge_key),
		COUNT(DISTINCT e.doc_id), COUNT(DISTINCT a.source)
	FROM events e JOIN articles a ON a.id = e.doc_id GROUP BY e.merge_key`
