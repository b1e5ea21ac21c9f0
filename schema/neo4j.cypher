// ombudsgraph's Neo4j schema. `ombudsgraph load --neo4j-uri …` runs every
// statement before it writes, so each must be safe to run again.
//
// Every domain node carries the label :Entity besides its own (:Council,
// :Case, …), a unique `id` (the global ID the GraphQL API uses, such as
// "Council:kent-county-council") and a unique integer `hid` derived from it.
// Writes match and merge on hid, never on text; people query by id and by
// the natural keys indexed below.

CREATE CONSTRAINT entity_hid IF NOT EXISTS FOR (n:Entity) REQUIRE n.hid IS UNIQUE;
CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT document_hid IF NOT EXISTS FOR (n:Document) REQUIRE n.hid IS UNIQUE;
CREATE CONSTRAINT document_name IF NOT EXISTS FOR (n:Document) REQUIRE n.name IS UNIQUE;
CREATE CONSTRAINT theme_hid IF NOT EXISTS FOR (n:Theme) REQUIRE n.hid IS UNIQUE;
CREATE CONSTRAINT theme_slug IF NOT EXISTS FOR (n:Theme) REQUIRE n.slug IS UNIQUE;
CREATE CONSTRAINT authority_type_hid IF NOT EXISTS FOR (n:AuthorityType) REQUIRE n.hid IS UNIQUE;
CREATE CONSTRAINT authority_type_name IF NOT EXISTS FOR (n:AuthorityType) REQUIRE n.name IS UNIQUE;
CREATE CONSTRAINT revision_hid IF NOT EXISTS FOR (n:Revision) REQUIRE n.hid IS UNIQUE;
CREATE CONSTRAINT council_id IF NOT EXISTS FOR (n:Council) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT case_id IF NOT EXISTS FOR (n:Case) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT improvement_id IF NOT EXISTS FOR (n:Improvement) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT statistics_id IF NOT EXISTS FOR (n:Statistics) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT year_id IF NOT EXISTS FOR (n:Year) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT category_id IF NOT EXISTS FOR (n:Category) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT subcategory_id IF NOT EXISTS FOR (n:Subcategory) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT report_id IF NOT EXISTS FOR (n:Report) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT letter_id IF NOT EXISTS FOR (n:Letter) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT article_id IF NOT EXISTS FOR (n:Article) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT claim_id IF NOT EXISTS FOR (n:Claim) REQUIRE n.id IS UNIQUE;

// Natural keys: what people type to find a council, a case or a year is
// unique, and the constraint's index finds it. (Databases loaded before
// these were constraints had plain indexes of the same names; they go
// first, as a constraint cannot share its property with an index.)
DROP INDEX council_slug IF EXISTS;
DROP INDEX case_reference IF EXISTS;
DROP INDEX year_label IF EXISTS;
CREATE CONSTRAINT council_slug_unique IF NOT EXISTS FOR (n:Council) REQUIRE n.slug IS UNIQUE;
CREATE CONSTRAINT case_reference_unique IF NOT EXISTS FOR (n:Case) REQUIRE n.reference IS UNIQUE;
CREATE CONSTRAINT year_label_unique IF NOT EXISTS FOR (n:Year) REQUIRE n.label IS UNIQUE;

// Lookups by other names people type.
CREATE INDEX council_name IF NOT EXISTS FOR (n:Council) ON (n.name);
CREATE INDEX category_name IF NOT EXISTS FOR (n:Category) ON (n.name);
CREATE INDEX subcategory_name IF NOT EXISTS FOR (n:Subcategory) ON (n.name);

// Paging through provenance and theme evidence reads relationships by hid;
// a document's theme links are found by its hid (doc) or name (document).
CREATE INDEX from_hid IF NOT EXISTS FOR ()-[r:FROM]-() ON (r.hid);
CREATE INDEX has_theme_hid IF NOT EXISTS FOR ()-[r:HAS_THEME]-() ON (r.hid);
CREATE INDEX has_theme_doc IF NOT EXISTS FOR ()-[r:HAS_THEME]-() ON (r.doc);
CREATE INDEX has_theme_document IF NOT EXISTS FOR ()-[r:HAS_THEME]-() ON (r.document);

// Full-text search over what the documents say, with Neo4j's built-in
// full-text index (Lucene; no plugin): an improvement's text, a report's
// title and summary, an article's headline and a claim's sentence.
//   CALL db.index.fulltext.queryNodes('texts', 'school transport') YIELD node, score
CREATE FULLTEXT INDEX texts IF NOT EXISTS FOR (n:Improvement|Report|Article|Claim) ON EACH [n.text, n.title, n.summary, n.headline, n.sentence];
