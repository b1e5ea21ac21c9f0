package neo4jstore

import (
	"strings"

	"github.com/ombudsgraph/ombudsgraph/graph"
)

// Every statement the store sends is a constant below, with its values passed
// as $parameters, never spliced into the text. They keep to plain Cypher that
// Neo4j 5 Community runs: MERGE, MATCH, UNWIND, SET, CREATE, DELETE, DETACH
// DELETE, WHERE on keys, and ORDER BY … LIMIT on keys for paging.
//
// Writes match and merge on integer keys (hid, a digest of the global ID),
// which schema/neo4j.cypher makes unique. Relationships are created once,
// with their properties, after the document's old ones are deleted, rather
// than MERGEd. A FROM link holds its quote, and the line and character
// offsets that cut it from the document's text, which its node keeps.

// nodeWrites write nodes, one statement a label: each row is {hid, props}.
// SET n = props replaces every property, so a value a document no longer
// states does not linger.
var nodeWrites = map[string]string{
	"Council":     `UNWIND $rows AS row MERGE (n:Council:Entity {hid: row.hid}) SET n = row.props`,
	"Year":        `UNWIND $rows AS row MERGE (n:Year:Entity {hid: row.hid}) SET n = row.props`,
	"Statistics":  `UNWIND $rows AS row MERGE (n:Statistics:Entity {hid: row.hid}) SET n = row.props`,
	"Case":        `UNWIND $rows AS row MERGE (n:Case:Entity {hid: row.hid}) SET n = row.props`,
	"Category":    `UNWIND $rows AS row MERGE (n:Category:Entity {hid: row.hid}) SET n = row.props`,
	"Subcategory": `UNWIND $rows AS row MERGE (n:Subcategory:Entity {hid: row.hid}) SET n = row.props`,
	"Improvement": `UNWIND $rows AS row MERGE (n:Improvement:Entity {hid: row.hid}) SET n = row.props`,
	"Report":      `UNWIND $rows AS row MERGE (n:Report:Entity {hid: row.hid}) SET n = row.props`,
	"Letter":      `UNWIND $rows AS row MERGE (n:Letter:Entity {hid: row.hid}) SET n = row.props`,
	"Article":     `UNWIND $rows AS row MERGE (n:Article:Entity {hid: row.hid}) SET n = row.props`,
	"Claim":       `UNWIND $rows AS row MERGE (n:Claim:Entity {hid: row.hid}) SET n = row.props`,
}

// relWrites write the relationships between entities, one statement a type:
// each row is {from, to}, as hids. They CREATE rather than MERGE because
// clearLinks has just removed the entities' links of every type, and each
// document's rows hold each link once.
var relWrites = map[string]string{
	"AGAINST":        `UNWIND $rows AS row MATCH (a:Entity {hid: row.from}) MATCH (b:Entity {hid: row.to}) CREATE (a)-[:AGAINST]->(b)`,
	"IN_SUBCATEGORY": `UNWIND $rows AS row MATCH (a:Entity {hid: row.from}) MATCH (b:Entity {hid: row.to}) CREATE (a)-[:IN_SUBCATEGORY]->(b)`,
	"PART_OF":        `UNWIND $rows AS row MATCH (a:Entity {hid: row.from}) MATCH (b:Entity {hid: row.to}) CREATE (a)-[:PART_OF]->(b)`,
	"RECEIVED_IN":    `UNWIND $rows AS row MATCH (a:Entity {hid: row.from}) MATCH (b:Entity {hid: row.to}) CREATE (a)-[:RECEIVED_IN]->(b)`,
	"AGREED_IN":      `UNWIND $rows AS row MATCH (a:Entity {hid: row.from}) MATCH (b:Entity {hid: row.to}) CREATE (a)-[:AGREED_IN]->(b)`,
	"ABOUT":          `UNWIND $rows AS row MATCH (a:Entity {hid: row.from}) MATCH (b:Entity {hid: row.to}) CREATE (a)-[:ABOUT]->(b)`,
	"OF":             `UNWIND $rows AS row MATCH (a:Entity {hid: row.from}) MATCH (b:Entity {hid: row.to}) CREATE (a)-[:OF]->(b)`,
	"FOR":            `UNWIND $rows AS row MATCH (a:Entity {hid: row.from}) MATCH (b:Entity {hid: row.to}) CREATE (a)-[:FOR]->(b)`,
	"TO":             `UNWIND $rows AS row MATCH (a:Entity {hid: row.from}) MATCH (b:Entity {hid: row.to}) CREATE (a)-[:TO]->(b)`,
	"MENTIONS":       `UNWIND $rows AS row MATCH (a:Entity {hid: row.from}) MATCH (b:Entity {hid: row.to}) CREATE (a)-[:MENTIONS]->(b)`,
	"MADE_IN":        `UNWIND $rows AS row MATCH (a:Entity {hid: row.from}) MATCH (b:Entity {hid: row.to}) CREATE (a)-[:MADE_IN]->(b)`,
	"OF_TYPE":        `UNWIND $rows AS row MATCH (a:Entity {hid: row.from}) MATCH (b:AuthorityType {hid: row.to}) CREATE (a)-[:OF_TYPE]->(b)`,
}

// clearLinks removes the relationships of every type of relWrites that the
// entities hold to others, in one statement, before a document writes them
// again: an entity's links are what its latest document says.
var clearLinks = `UNWIND $hids AS nid MATCH (a:Entity {hid: nid})-[r:` + strings.Join(sortedKeys(relWrites), "|") + `]->(b) DELETE r`

const (
	// writeDocument writes the document node, with its text.
	writeDocument = `MERGE (d:Document {hid: $hid}) SET d = $props`
	// writeFrom links entities to the document they come from, one
	// relationship a quoted span: the quote is characters start to end of
	// line `line` of the document's text, and is written out too.
	writeFrom = `UNWIND $rows AS row MATCH (n:Entity {hid: row.node}) MATCH (d:Document {hid: $doc}) ` +
		`CREATE (n)-[:FROM {hid: row.hid, role: row.role, seq: row.seq, ordinal: row.ordinal, line: row.line, start: row.start, end: row.end, quote: row.quote}]->(d)`
	// writeHasTheme links items to their themes with the evidence why: the
	// sentence on line `line` from start to end, and in it the term from
	// termStart to termEnd.
	writeHasTheme = `UNWIND $rows AS row MATCH (n:Entity {hid: row.node}) MATCH (t:Theme {hid: row.theme}) ` +
		`CREATE (n)-[:HAS_THEME {hid: row.hid, doc: $doc, document: $document, basis: row.basis, term: row.term, quote: row.quote, seq: row.seq, line: row.line, start: row.start, end: row.end, termStart: row.termStart, termEnd: row.termEnd, councils: row.councils}]->(t)`
	// readDigests reads the digests of the named documents Neo4j holds.
	readDigests = `UNWIND $names AS name MATCH (d:Document {name: name}) RETURN d.name AS name, d.digest AS digest`
	// readThemesDigest and setThemesDigest read and write the digest of the
	// themes last written, kept on the revision marker.
	readThemesDigest = `MATCH (r:Revision {hid: 0}) RETURN r.themes AS themes`
	setThemesDigest  = `MERGE (r:Revision {hid: 0}) SET r.themes = $themes`
	// supportedBy lists the entities a document supports.
	supportedBy = `MATCH (d:Document {hid: $doc})<-[f:FROM]-(n:Entity) RETURN n.hid AS hid`
	// clearHasTheme removes the theme links a document gave.
	clearHasTheme = `UNWIND $hids AS nid MATCH (n:Entity {hid: nid})-[r:HAS_THEME {doc: $doc}]->(t:Theme) DELETE r`
	// clearFrom removes a document's provenance links.
	clearFrom = `MATCH (d:Document {hid: $doc})<-[r:FROM]-(n) DELETE r`
	// stillSupported lists which of the entities some document still supports.
	stillSupported = `UNWIND $hids AS nid MATCH (n:Entity {hid: nid})-[f:FROM]->(d:Document) RETURN n.hid AS hid`
	// deleteEntities removes entities no document supports any more.
	deleteEntities = `UNWIND $hids AS nid MATCH (n:Entity {hid: nid}) DETACH DELETE n`
	// deleteDocument removes a document node.
	deleteDocument = `MATCH (d:Document {hid: $doc}) DETACH DELETE d`
	// bumpRevision marks that the graph changed.
	bumpRevision = `MERGE (r:Revision {hid: 0}) SET r.value = $value, r.at = $at`
	// readRevision reads the marker.
	readRevision = `MATCH (r:Revision {hid: 0}) RETURN r.value AS value`
	// writeThemes writes the themes.
	writeThemes = `UNWIND $rows AS row MERGE (t:Theme {hid: row.hid}) SET t = row`
	// listThemes lists the themes, so those gone from the file can go.
	listThemes = `MATCH (t:Theme) RETURN t.hid AS hid, t.slug AS slug`
	// deleteThemes removes themes.
	deleteThemes = `UNWIND $hids AS nid MATCH (t:Theme {hid: nid}) DETACH DELETE t`
	// writeAuthorityTypes writes the five authority types.
	writeAuthorityTypes = `UNWIND $rows AS row MERGE (t:AuthorityType {hid: row.hid}) SET t = row`
)

// Paged reads, ordered and resumed on an integer key.
const (
	readThemes        = `MATCH (t:Theme) WHERE t.hid > $after RETURN t.hid AS hid, t.slug AS slug, t.name AS name, t.description AS description, t.subcategories AS subcategories, t.terms AS terms, t.acronyms AS acronyms, t.position AS position ORDER BY t.hid LIMIT $limit`
	readDocumentNames = `MATCH (d:Document) WHERE d.hid > $after RETURN d.hid AS hid, d.name AS name ORDER BY d.hid LIMIT $limit`
	readDocuments     = `MATCH (d:Document) WHERE d.hid > $after RETURN d.hid AS hid, d.name AS name, d.kind AS kind, d.title AS title, d.lines AS lines, d.sha256 AS sha256, d.format AS format, d.text AS text, d.warningLines AS warningLines, d.warnings AS warnings ORDER BY d.hid LIMIT $limit`
	readFrom          = `MATCH (n:Entity)-[r:FROM]->(d:Document) WHERE r.hid > $after RETURN r.hid AS hid, n.id AS node, d.hid AS doc, r.role AS role, r.seq AS seq, r.ordinal AS ordinal, r.line AS line, r.start AS start, r.end AS end, r.quote AS quote ORDER BY r.hid LIMIT $limit`
	readHasTheme      = `MATCH (n:Entity)-[r:HAS_THEME]->(t:Theme) WHERE r.hid > $after RETURN r.hid AS hid, n.id AS node, t.slug AS theme, r.doc AS doc, r.basis AS basis, r.seq AS seq, r.line AS line, r.start AS start, r.end AS end, r.termStart AS termStart, r.termEnd AS termEnd, r.term AS term, r.quote AS quote, r.councils AS councils ORDER BY r.hid LIMIT $limit`
)

// nodeReads read one label's nodes a page at a time.
var nodeReads = map[string]string{
	"Council":     `MATCH (n:Council) WHERE n.hid > $after RETURN n.hid AS hid, n.id AS id, n.slug AS slug, n.name AS name, n.type AS type, n.typeBasis AS typeBasis, n.code AS code, n.abolished AS abolished, n.successor AS successor ORDER BY n.hid LIMIT $limit`,
	"Statistics":  statisticsRead(),
	"Case":        `MATCH (n:Case) WHERE n.hid > $after RETURN n.hid AS hid, n.id AS id, n.reference AS reference, n.council AS council, n.category AS category, n.subcategory AS subcategory, n.year AS year ORDER BY n.hid LIMIT $limit`,
	"Improvement": `MATCH (n:Improvement) WHERE n.hid > $after RETURN n.hid AS hid, n.id AS id, n.caseReference AS caseReference, n.text AS text ORDER BY n.hid LIMIT $limit`,
	"Report":      `MATCH (n:Report) WHERE n.hid > $after RETURN n.hid AS hid, n.id AS id, n.council AS council, n.title AS title, n.summary AS summary, n.publicInterest AS publicInterest ORDER BY n.hid LIMIT $limit`,
	"Letter":      `MATCH (n:Letter) WHERE n.hid > $after RETURN n.hid AS hid, n.id AS id, n.council AS council, n.date AS date, n.year AS year, n.recipient AS recipient, n.title AS title ORDER BY n.hid LIMIT $limit`,
	"Article":     `MATCH (n:Article) WHERE n.hid > $after RETURN n.hid AS hid, n.id AS id, n.doc AS doc, n.headline AS headline, n.councils AS councils, n.years AS years ORDER BY n.hid LIMIT $limit`,
	"Claim":       `MATCH (n:Claim) WHERE n.hid > $after RETURN n.hid AS hid, n.id AS id, n.article AS article, n.ordinal AS ordinal, n.value AS value, n.unit AS unit, n.text AS text, n.qualifier AS qualifier, n.sentence AS sentence, n.upper AS upper ORDER BY n.hid LIMIT $limit`,
}

// statisticsRead reads Statistics nodes with every measure of
// graph.StatisticsMeasures, the one list of them.
func statisticsRead() string {
	var b strings.Builder
	b.WriteString("MATCH (n:Statistics) WHERE n.hid > $after RETURN n.hid AS hid, n.id AS id, n.council AS council, n.year AS year")
	for _, m := range graph.StatisticsMeasures {
		b.WriteString(", n." + m.Name + " AS " + m.Name)
	}
	b.WriteString(" ORDER BY n.hid LIMIT $limit")
	return b.String()
}

// Ping checks that a database answers.
const Ping = `RETURN 1 AS ok`

// Counting, for comparing loads.
const (
	countNodes = `MATCH (n) RETURN labels(n) AS labels, count(*) AS total`
	countRels  = `MATCH (a)-[r]->(b) RETURN type(r) AS type, count(*) AS total`
)

// Statements returns every statement the store sends, for the Cypher linter.
func Statements() []string {
	out := []string{Ping, writeDocument, writeFrom, writeHasTheme, readDigests, readThemesDigest, setThemesDigest, supportedBy, clearHasTheme, clearFrom, stillSupported,
		deleteEntities, deleteDocument, bumpRevision, readRevision, writeThemes, listThemes, deleteThemes,
		writeAuthorityTypes, readThemes, readDocumentNames, readDocuments, readFrom, readHasTheme, countNodes, countRels}
	out = append(out, clearLinks)
	for _, m := range []map[string]string{nodeWrites, relWrites, nodeReads} {
		for _, q := range m {
			out = append(out, q)
		}
	}
	return out
}
