-- Digital forms: versioned definitions, drafts, submissions with attachments and a citizen-visible
-- timeline, and the delivery outbox written in the same transaction as the submission
-- (docs/decisions/008-form-definitions-and-agendas.md).

-- Town-defined submission agendas (clerk groups such as "odpady" or "doprava"), finer than the
-- coarse "Agenda" enum: a clerk sees only the submissions of the agendas listed here.
ALTER TABLE "staff_user" ADD COLUMN "submission_agendas" TEXT[] DEFAULT ARRAY[]::TEXT[];
-- The town's list of submission agendas: [{ code, name: { cs, en?, uk? } }], from the blueprint.
ALTER TABLE "town_settings" ADD COLUMN "submission_agendas" JSONB NOT NULL DEFAULT '[]';

CREATE TABLE "form" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "code" TEXT NOT NULL,
    "life_situation" TEXT NOT NULL,
    "agenda" TEXT NOT NULL,
    "title" JSONB NOT NULL,
    "description" JSONB NOT NULL DEFAULT '{}',
    "is_active" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "form_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "form_code_format" CHECK ("code" ~ '^[a-z][a-z0-9-]{1,60}$')
);
CREATE UNIQUE INDEX "form_code_key" ON "form"("code");

-- A published version never changes: submissions point at the version they were filled against.
CREATE TABLE "form_version" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "form_id" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "definition" JSONB NOT NULL,
    "published_at" TIMESTAMPTZ(3),
    "published_by" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "form_version_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "form_version_form_id_fkey" FOREIGN KEY ("form_id") REFERENCES "form"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "form_version_form_id_version_key" ON "form_version"("form_id", "version");

CREATE TYPE "SubmissionStatus" AS ENUM ('submitted', 'delivered', 'assigned', 'in_progress', 'needs_info', 'resolved', 'rejected', 'failed');

-- Numbers like VES-2026-000123 count per year without gaps from aborted transactions mattering.
CREATE TABLE "submission_counter" (
    "year" INTEGER NOT NULL,
    "value" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "submission_counter_pkey" PRIMARY KEY ("year")
);

CREATE TABLE "submission" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "number" TEXT NOT NULL,
    "form_version_id" UUID NOT NULL,
    "agenda" TEXT NOT NULL,
    "person_id" UUID,
    "data" JSONB NOT NULL,
    "locale" TEXT NOT NULL DEFAULT 'cs',
    "status" "SubmissionStatus" NOT NULL DEFAULT 'submitted',
    "reference_number" TEXT,
    "assignee_name" TEXT,
    "assignee_department" TEXT,
    "assigned_staff_id" UUID,
    "contact_email" TEXT,
    -- Anonymous submissions only: sha256 of the client IP, for the per-IP rate limit.
    "ip_hash" TEXT,
    "submitted_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "delivered_at" TIMESTAMPTZ(3),
    "resolved_at" TIMESTAMPTZ(3),
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "submission_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "submission_form_version_id_fkey" FOREIGN KEY ("form_version_id") REFERENCES "form_version"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "submission_person_id_fkey" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "submission_assigned_staff_id_fkey" FOREIGN KEY ("assigned_staff_id") REFERENCES "staff_user"("id") ON DELETE SET NULL ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "submission_number_key" ON "submission"("number");
CREATE INDEX "submission_person_id_submitted_at_idx" ON "submission"("person_id", "submitted_at");
CREATE INDEX "submission_agenda_status_idx" ON "submission"("agenda", "status");
CREATE INDEX "submission_form_version_id_idx" ON "submission"("form_version_id");
CREATE INDEX "submission_ip_hash_submitted_at_idx" ON "submission"("ip_hash", "submitted_at");

CREATE TABLE "submission_attachment" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "submission_id" UUID NOT NULL,
    "field_name" TEXT NOT NULL,
    "file_name" TEXT NOT NULL,
    "content_type" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "content" BYTEA NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "submission_attachment_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "submission_attachment_submission_id_fkey" FOREIGN KEY ("submission_id") REFERENCES "submission"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE INDEX "submission_attachment_submission_id_idx" ON "submission_attachment"("submission_id");

-- One draft per citizen and form; files uploaded while drafting live beside it until submit.
CREATE TABLE "submission_draft" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "person_id" UUID NOT NULL,
    "form_version_id" UUID NOT NULL,
    "data" JSONB NOT NULL DEFAULT '{}',
    "step" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "submission_draft_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "submission_draft_person_id_fkey" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "submission_draft_form_version_id_fkey" FOREIGN KEY ("form_version_id") REFERENCES "form_version"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "submission_draft_person_id_form_version_id_key" ON "submission_draft"("person_id", "form_version_id");

CREATE TABLE "draft_attachment" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "draft_id" UUID NOT NULL,
    "field_name" TEXT NOT NULL,
    "file_name" TEXT NOT NULL,
    "content_type" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "content" BYTEA NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "draft_attachment_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "draft_attachment_draft_id_fkey" FOREIGN KEY ("draft_id") REFERENCES "submission_draft"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE INDEX "draft_attachment_draft_id_idx" ON "draft_attachment"("draft_id");

CREATE TYPE "SubmissionEventActor" AS ENUM ('citizen', 'staff', 'records', 'system');

CREATE TABLE "submission_event" (
    "id" BIGSERIAL NOT NULL,
    "submission_id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "status" "SubmissionStatus",
    "message" TEXT,
    "actor" "SubmissionEventActor" NOT NULL,
    "actor_name" TEXT,
    "external_event_id" TEXT,
    "is_visible_to_citizen" BOOLEAN NOT NULL DEFAULT true,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "submission_event_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "submission_event_submission_id_fkey" FOREIGN KEY ("submission_id") REFERENCES "submission"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE INDEX "submission_event_submission_id_at_idx" ON "submission_event"("submission_id", "at");
-- A records-system event applied twice would duplicate the timeline: dedupe by its id.
CREATE UNIQUE INDEX "submission_event_external_event_id_key" ON "submission_event"("external_event_id");

CREATE TYPE "DeliveryState" AS ENUM ('pending', 'delivered', 'failed');

CREATE TABLE "delivery_outbox" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "submission_id" UUID NOT NULL,
    "state" "DeliveryState" NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "next_attempt_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_error" TEXT,
    "external_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "delivery_outbox_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "delivery_outbox_submission_id_fkey" FOREIGN KEY ("submission_id") REFERENCES "submission"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "delivery_outbox_submission_id_key" ON "delivery_outbox"("submission_id");
CREATE INDEX "delivery_outbox_state_next_attempt_at_idx" ON "delivery_outbox"("state", "next_attempt_at");
