-- The electronic official board (úřední deska, issue 17, decision 015): documents posted by clerks of
-- the "board" agenda, every edit kept as a version, PDF attachments stored with the document, every
-- state change logged, and a daily fingerprint (otisk dne) of what the board showed.
ALTER TYPE "Agenda" ADD VALUE IF NOT EXISTS 'board';

CREATE TABLE "board_document" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "category" TEXT NOT NULL,
    "reference_number" TEXT,
    "file_mark" TEXT,
    "concerns" TEXT,
    -- Europe/Prague calendar days, both inclusive: shown from the start of posted_from to the end of posted_until.
    "posted_from" DATE NOT NULL,
    "posted_until" DATE NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'planned',
    "version" INTEGER NOT NULL DEFAULT 1,
    "removed_at" TIMESTAMPTZ(3),
    "removal_reason" TEXT,
    "created_by" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "board_document_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "board_document_state" CHECK ("state" IN ('planned', 'posted', 'removed_early', 'expired')),
    CONSTRAINT "board_document_dates" CHECK ("posted_until" >= "posted_from"),
    CONSTRAINT "board_document_title_present" CHECK (length(btrim("title")) > 0),
    CONSTRAINT "board_document_removal_reason" CHECK (("state" = 'removed_early') = ("removal_reason" IS NOT NULL AND length(btrim("removal_reason")) > 0))
);
CREATE INDEX "board_document_state_posted_from_idx" ON "board_document"("state", "posted_from");
CREATE INDEX "board_document_posted_until_idx" ON "board_document"("posted_until");

CREATE TABLE "board_document_version" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "document_id" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "reference_number" TEXT,
    "file_mark" TEXT,
    "concerns" TEXT,
    "posted_from" DATE NOT NULL,
    "posted_until" DATE NOT NULL,
    "attachment_ids" UUID[] DEFAULT ARRAY[]::UUID[],
    "change_note" TEXT,
    "changed_by" TEXT,
    "changed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "board_document_version_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "board_document_version_document_id_fkey" FOREIGN KEY ("document_id") REFERENCES "board_document"("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "board_document_version_document_id_version_key" ON "board_document_version"("document_id", "version");

CREATE TABLE "board_attachment" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "document_id" UUID NOT NULL,
    "file_name" TEXT NOT NULL,
    "content_type" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "content" BYTEA NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "board_attachment_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "board_attachment_document_id_fkey" FOREIGN KEY ("document_id") REFERENCES "board_document"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "board_attachment_pdf" CHECK ("content_type" = 'application/pdf')
);
CREATE INDEX "board_attachment_document_id_idx" ON "board_attachment"("document_id");

CREATE TABLE "board_transition" (
    "id" BIGSERIAL NOT NULL,
    "document_id" UUID NOT NULL,
    "from_state" TEXT,
    "to_state" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "actor" TEXT,
    "reason" TEXT,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "board_transition_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "board_transition_document_id_fkey" FOREIGN KEY ("document_id") REFERENCES "board_document"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "board_transition_source" CHECK ("source" IN ('clerk', 'clock'))
);
CREATE INDEX "board_transition_document_id_idx" ON "board_transition"("document_id");

-- One row per Prague calendar day: SHA-256 over the canonical list of what was on the board that day.
CREATE TABLE "board_snapshot" (
    "day" DATE NOT NULL,
    "list_hash" TEXT NOT NULL,
    "document_count" INTEGER NOT NULL,
    "canonical" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "board_snapshot_pkey" PRIMARY KEY ("day")
);
