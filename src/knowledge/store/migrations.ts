/**
 * Numbered schema migrations, applied in order at start; `PRAGMA user_version` records the last one applied.
 * Never edit a migration that has shipped: add the next one.
 */
export const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE sources (
    id TEXT PRIMARY KEY,
    data TEXT NOT NULL,
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL
  );
  CREATE TABLE facts (
    id TEXT PRIMARY KEY,
    data TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('active', 'retired')),
    revision INTEGER NOT NULL,
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL
  );
  CREATE TABLE revisions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    fact_id TEXT NOT NULL REFERENCES facts(id),
    revision INTEGER NOT NULL,
    action TEXT NOT NULL,
    actor TEXT NOT NULL,
    reason TEXT,
    at TEXT NOT NULL,
    before TEXT,
    after TEXT NOT NULL,
    UNIQUE (fact_id, revision)
  );
  CREATE TABLE feedback (
    fact_id TEXT NOT NULL,
    voter TEXT NOT NULL,
    helpful INTEGER NOT NULL CHECK (helpful IN (0, 1)),
    at TEXT NOT NULL,
    PRIMARY KEY (fact_id, voter)
  );
  CREATE TABLE unanswered (
    normalised TEXT PRIMARY KEY,
    example TEXT NOT NULL,
    count INTEGER NOT NULL,
    first_seen TEXT NOT NULL,
    last_seen TEXT NOT NULL
  );
  CREATE TABLE fact_usage (
    fact_id TEXT PRIMARY KEY,
    answers INTEGER NOT NULL
  );
  CREATE TABLE counters (
    name TEXT PRIMARY KEY,
    value INTEGER NOT NULL
  );
  CREATE TABLE change_log (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    kind TEXT NOT NULL CHECK (kind IN ('fact', 'source')),
    ref TEXT NOT NULL
  );
  `,
  `
  CREATE TABLE source_revisions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    source_id TEXT NOT NULL REFERENCES sources(id),
    actor TEXT NOT NULL,
    at TEXT NOT NULL,
    before TEXT,
    after TEXT NOT NULL
  );
  CREATE TABLE meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
  );
  INSERT INTO meta (key, value) VALUES ('voter-key', lower(hex(randomblob(32))));
  `,
  `
  CREATE TABLE qa_channels (
    channel_id TEXT PRIMARY KEY,
    guild_id TEXT NOT NULL,
    mode TEXT NOT NULL CHECK (mode IN ('answer-only', 'always', 'shadow')),
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL
  );
  CREATE TABLE qa_channel_changes (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    channel_id TEXT NOT NULL,
    mode_before TEXT,
    mode_after TEXT,
    actor TEXT NOT NULL,
    at TEXT NOT NULL
  );
  CREATE TABLE auto_answers (
    reply_id TEXT PRIMARY KEY,
    question_id TEXT NOT NULL,
    channel_id TEXT NOT NULL,
    asker_id TEXT NOT NULL,
    fact_id TEXT,
    route TEXT NOT NULL CHECK (route IN ('mention', 'forum-post', 'channel')),
    outcome TEXT NOT NULL CHECK (outcome IN ('answered', 'miss', 'shadow')),
    helpful INTEGER NOT NULL DEFAULT 0,
    not_helpful INTEGER NOT NULL DEFAULT 0,
    human_asked_at TEXT,
    removed_by TEXT,
    removed_at TEXT,
    at TEXT NOT NULL
  );
  CREATE INDEX auto_answers_channel ON auto_answers (channel_id);
  `,
  `
  CREATE TABLE proposals (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    source_id TEXT NOT NULL REFERENCES sources(id),
    position INTEGER NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('pending', 'accepted', 'rejected')),
    data TEXT NOT NULL,
    covered_by TEXT,
    fact_id TEXT,
    created_at TEXT NOT NULL,
    decided_by TEXT,
    decided_at TEXT,
    reason TEXT
  );
  CREATE INDEX proposals_source ON proposals (source_id, status, position);
  `,
];
