-- Grants (dotace, issue 14, decision 022): programmes under zákon 250/2000 Sb. §10a–10d with frozen
-- published versions, calls (application windows), electronic applications with a budget table and
-- attachments, formal check, evaluation with conflict-of-interest declarations, decision, contract,
-- payout and settlement. Every state change of an application goes through one transition function
-- and is logged in grant_application_event.
ALTER TYPE "StaffRole" ADD VALUE IF NOT EXISTS 'evaluator';

CREATE TABLE "grant_programme" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "code" TEXT NOT NULL,
    -- 'individual' = an individual grant (§10a): a standing programme open all year.
    "kind" TEXT NOT NULL DEFAULT 'programme',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "grant_programme_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "grant_programme_kind" CHECK ("kind" IN ('programme', 'individual')),
    CONSTRAINT "grant_programme_code_format" CHECK ("code" ~ '^[a-z0-9][a-z0-9-]{1,62}$')
);
CREATE UNIQUE INDEX "grant_programme_code_key" ON "grant_programme"("code");

CREATE TABLE "grant_programme_version" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "programme_id" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'draft',
    "name" TEXT NOT NULL,
    "purpose" TEXT NOT NULL,
    "reasons" TEXT NOT NULL DEFAULT '',
    "total_budget" INTEGER NOT NULL,
    "max_grant" INTEGER NOT NULL,
    "min_grant" INTEGER NOT NULL DEFAULT 0,
    "eligible_applicants" TEXT NOT NULL DEFAULT 'both',
    -- Lowest share of the project's costs the applicant pays themselves, in percent.
    "co_financing_percent" INTEGER NOT NULL DEFAULT 0,
    -- [{ code, name, maxPercent? }]: eligible cost categories of the budget table.
    "cost_categories" JSONB NOT NULL DEFAULT '[]',
    -- [{ code, name, weight, maxPoints }]
    "criteria" JSONB NOT NULL DEFAULT '[]',
    -- [{ code, name }]
    "required_attachments" JSONB NOT NULL DEFAULT '[]',
    "conditions" TEXT NOT NULL DEFAULT '',
    "decision_deadline" DATE,
    "settlement_deadline" DATE,
    "period_from" DATE,
    "period_to" DATE,
    "de_minimis" BOOLEAN NOT NULL DEFAULT false,
    "contract_template" TEXT NOT NULL DEFAULT '',
    "published_at" TIMESTAMPTZ(3),
    "published_by" TEXT,
    -- Set when an admin published less than the town's minimum days before the window opens.
    "publication_override_by" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "grant_programme_version_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "grant_programme_version_programme_id_fkey" FOREIGN KEY ("programme_id") REFERENCES "grant_programme"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "grant_programme_version_state" CHECK ("state" IN ('draft', 'published')),
    CONSTRAINT "grant_programme_version_published" CHECK (("state" = 'published') = ("published_at" IS NOT NULL)),
    CONSTRAINT "grant_programme_version_eligible" CHECK ("eligible_applicants" IN ('natural', 'legal', 'both')),
    CONSTRAINT "grant_programme_version_amounts" CHECK ("total_budget" > 0 AND "max_grant" > 0 AND "min_grant" >= 0 AND "min_grant" <= "max_grant" AND "max_grant" <= "total_budget"),
    CONSTRAINT "grant_programme_version_co_financing" CHECK ("co_financing_percent" BETWEEN 0 AND 100)
);
CREATE UNIQUE INDEX "grant_programme_version_programme_id_version_key" ON "grant_programme_version"("programme_id", "version");

-- A published version is frozen: the database refuses to change it (only the draft is editable).
CREATE FUNCTION "grant_programme_version_frozen"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF OLD."state" = 'published' THEN
        RAISE EXCEPTION 'grant programme version % is published and frozen', OLD."id" USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER "grant_programme_version_frozen" BEFORE UPDATE OR DELETE ON "grant_programme_version"
    FOR EACH ROW EXECUTE FUNCTION "grant_programme_version_frozen"();

CREATE TABLE "grant_call" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "programme_version_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    -- Europe/Prague calendar days, both inclusive: applications from the start of opens_on to 23:59:59 of closes_on.
    "opens_on" DATE NOT NULL,
    "closes_on" DATE NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "grant_call_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "grant_call_programme_version_id_fkey" FOREIGN KEY ("programme_version_id") REFERENCES "grant_programme_version"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "grant_call_dates" CHECK ("closes_on" >= "opens_on")
);
CREATE INDEX "grant_call_programme_version_id_idx" ON "grant_call"("programme_version_id");

CREATE TABLE "grant_application" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "number" TEXT NOT NULL,
    "call_id" UUID NOT NULL,
    "person_id" UUID NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'draft',
    -- §10a(3): identity of the applicant (the person themselves or a legal person by IČO).
    "applicant_kind" TEXT NOT NULL,
    "applicant_name" TEXT NOT NULL,
    "applicant_ico" TEXT,
    "legal_form" TEXT,
    "address" TEXT,
    "municipality" TEXT,
    "birth_date" DATE,
    "representatives" TEXT NOT NULL DEFAULT '',
    "ownership" TEXT NOT NULL DEFAULT '',
    "contact_email" TEXT,
    "requested_amount" INTEGER NOT NULL DEFAULT 0,
    "purpose" TEXT NOT NULL DEFAULT '',
    "reasoning" TEXT NOT NULL DEFAULT '',
    "period_from" DATE,
    "period_to" DATE,
    "fields" JSONB NOT NULL DEFAULT '{}',
    "submitted_at" TIMESTAMPTZ(3),
    "return_message" TEXT,
    "return_deadline" DATE,
    "exclusion_reason" TEXT,
    "deciding_body" TEXT,
    "resolution_number" TEXT,
    "resolution_date" DATE,
    "awarded_amount" INTEGER,
    "rejection_reason" TEXT,
    "decided_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "grant_application_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "grant_application_call_id_fkey" FOREIGN KEY ("call_id") REFERENCES "grant_call"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "grant_application_person_id_fkey" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "grant_application_state" CHECK ("state" IN ('draft', 'submitted', 'returned', 'excluded', 'in_evaluation', 'awarded', 'rejected', 'contracted', 'paid', 'settlement_filed', 'settlement_returned', 'settled')),
    CONSTRAINT "grant_application_applicant_kind" CHECK ("applicant_kind" IN ('natural', 'legal')),
    CONSTRAINT "grant_application_ico" CHECK (("applicant_kind" = 'legal') = ("applicant_ico" IS NOT NULL)),
    CONSTRAINT "grant_application_requested" CHECK ("requested_amount" >= 0),
    CONSTRAINT "grant_application_returned" CHECK ("state" <> 'returned' OR ("return_message" IS NOT NULL AND "return_deadline" IS NOT NULL)),
    CONSTRAINT "grant_application_excluded" CHECK ("state" <> 'excluded' OR length(btrim(coalesce("exclusion_reason", ''))) > 0),
    CONSTRAINT "grant_application_rejected" CHECK ("state" <> 'rejected' OR length(btrim(coalesce("rejection_reason", ''))) > 0),
    CONSTRAINT "grant_application_awarded" CHECK ("state" NOT IN ('awarded', 'contracted', 'paid', 'settlement_filed', 'settlement_returned', 'settled') OR ("awarded_amount" > 0 AND "resolution_number" IS NOT NULL AND "deciding_body" IS NOT NULL)),
    CONSTRAINT "grant_application_deciding_body" CHECK ("deciding_body" IS NULL OR "deciding_body" IN ('rada', 'zastupitelstvo'))
);
CREATE UNIQUE INDEX "grant_application_number_key" ON "grant_application"("number");
CREATE INDEX "grant_application_call_id_state_idx" ON "grant_application"("call_id", "state");
CREATE INDEX "grant_application_person_id_idx" ON "grant_application"("person_id");

CREATE TABLE "grant_budget_line" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "application_id" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "category" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "own_share" INTEGER NOT NULL,
    "requested" INTEGER NOT NULL,
    CONSTRAINT "grant_budget_line_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "grant_budget_line_application_id_fkey" FOREIGN KEY ("application_id") REFERENCES "grant_application"("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "grant_budget_line_amounts" CHECK ("own_share" >= 0 AND "requested" >= 0)
);
CREATE UNIQUE INDEX "grant_budget_line_application_id_position_key" ON "grant_budget_line"("application_id", "position");

CREATE TABLE "grant_attachment" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "application_id" UUID NOT NULL,
    -- 'application' (filed with the application) or 'settlement' (receipts of the settlement report)
    "purpose" TEXT NOT NULL DEFAULT 'application',
    "kind" TEXT,
    "file_name" TEXT NOT NULL,
    "content_type" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "content" BYTEA NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "grant_attachment_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "grant_attachment_application_id_fkey" FOREIGN KEY ("application_id") REFERENCES "grant_application"("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "grant_attachment_purpose" CHECK ("purpose" IN ('application', 'settlement'))
);
CREATE INDEX "grant_attachment_application_id_idx" ON "grant_attachment"("application_id");

CREATE TABLE "grant_evaluator_assignment" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "application_id" UUID NOT NULL,
    "staff_user_id" UUID NOT NULL,
    "assigned_by" TEXT,
    -- The declaration made before the evaluator sees the application: 'none' (no conflict, may score)
    -- or 'conflict' (may not score); null until declared.
    "conflict_declaration" TEXT,
    "declared_at" TIMESTAMPTZ(3),
    "scored_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "grant_evaluator_assignment_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "grant_evaluator_assignment_application_id_fkey" FOREIGN KEY ("application_id") REFERENCES "grant_application"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "grant_evaluator_assignment_staff_user_id_fkey" FOREIGN KEY ("staff_user_id") REFERENCES "staff_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "grant_evaluator_assignment_declaration" CHECK (("conflict_declaration" IS NULL) = ("declared_at" IS NULL) AND ("conflict_declaration" IS NULL OR "conflict_declaration" IN ('none', 'conflict'))),
    CONSTRAINT "grant_evaluator_assignment_scored" CHECK ("scored_at" IS NULL OR "conflict_declaration" = 'none')
);
CREATE UNIQUE INDEX "grant_evaluator_assignment_application_id_staff_user_id_key" ON "grant_evaluator_assignment"("application_id", "staff_user_id");
CREATE INDEX "grant_evaluator_assignment_staff_user_id_idx" ON "grant_evaluator_assignment"("staff_user_id");

CREATE TABLE "grant_score" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "assignment_id" UUID NOT NULL,
    "criterion" TEXT NOT NULL,
    "points" INTEGER NOT NULL,
    "comment" TEXT NOT NULL DEFAULT '',
    CONSTRAINT "grant_score_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "grant_score_assignment_id_fkey" FOREIGN KEY ("assignment_id") REFERENCES "grant_evaluator_assignment"("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "grant_score_points" CHECK ("points" >= 0)
);
CREATE UNIQUE INDEX "grant_score_assignment_id_criterion_key" ON "grant_score"("assignment_id", "criterion");

CREATE TABLE "grant_contract" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "application_id" UUID NOT NULL,
    "number" TEXT NOT NULL,
    "amount" INTEGER NOT NULL,
    "pdf" BYTEA NOT NULL,
    "generated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "signed_on" DATE,
    -- Deadlines computed when the contract is marked signed (null when the duty does not apply).
    "board_deadline" DATE,
    "registr_smluv_deadline" DATE,
    "de_minimis_deadline" DATE,
    "board_published_on" DATE,
    "registr_smluv_published_on" DATE,
    "de_minimis_registered_on" DATE,
    CONSTRAINT "grant_contract_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "grant_contract_application_id_fkey" FOREIGN KEY ("application_id") REFERENCES "grant_application"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "grant_contract_amount" CHECK ("amount" > 0),
    CONSTRAINT "grant_contract_deadlines_after_signing" CHECK ("signed_on" IS NOT NULL OR ("board_deadline" IS NULL AND "registr_smluv_deadline" IS NULL AND "de_minimis_deadline" IS NULL))
);
CREATE UNIQUE INDEX "grant_contract_application_id_key" ON "grant_contract"("application_id");
CREATE UNIQUE INDEX "grant_contract_number_key" ON "grant_contract"("number");

CREATE TABLE "grant_payout" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "application_id" UUID NOT NULL,
    "instalment" INTEGER NOT NULL DEFAULT 1,
    "amount" INTEGER NOT NULL,
    "exported_at" TIMESTAMPTZ(3),
    "paid_on" DATE,
    "paid_by" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "grant_payout_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "grant_payout_application_id_fkey" FOREIGN KEY ("application_id") REFERENCES "grant_application"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "grant_payout_amount" CHECK ("amount" > 0)
);
CREATE UNIQUE INDEX "grant_payout_application_id_instalment_key" ON "grant_payout"("application_id", "instalment");

CREATE TABLE "grant_settlement" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "application_id" UUID NOT NULL,
    -- [{ category, amount }] actual costs per category
    "costs" JSONB NOT NULL DEFAULT '[]',
    "narrative" TEXT NOT NULL,
    "spent_grant" INTEGER NOT NULL,
    "return_amount" INTEGER NOT NULL DEFAULT 0,
    "outcome" TEXT,
    "clerk_message" TEXT,
    "return_variable_symbol" TEXT,
    "filed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "reviewed_at" TIMESTAMPTZ(3),
    CONSTRAINT "grant_settlement_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "grant_settlement_application_id_fkey" FOREIGN KEY ("application_id") REFERENCES "grant_application"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "grant_settlement_outcome" CHECK ("outcome" IS NULL OR "outcome" IN ('approved', 'more_requested')),
    CONSTRAINT "grant_settlement_amounts" CHECK ("spent_grant" >= 0 AND "return_amount" >= 0)
);
CREATE INDEX "grant_settlement_application_id_idx" ON "grant_settlement"("application_id");

CREATE TABLE "grant_application_event" (
    "id" BIGSERIAL NOT NULL,
    "application_id" UUID NOT NULL,
    "from_state" TEXT,
    "to_state" TEXT NOT NULL,
    "actor" TEXT NOT NULL,
    "actor_id" TEXT,
    "message" TEXT,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "grant_application_event_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "grant_application_event_application_id_fkey" FOREIGN KEY ("application_id") REFERENCES "grant_application"("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "grant_application_event_actor" CHECK ("actor" IN ('applicant', 'staff', 'system'))
);
CREATE INDEX "grant_application_event_application_id_idx" ON "grant_application_event"("application_id");

CREATE TABLE "grant_settings" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "publication_lead_days" INTEGER NOT NULL DEFAULT 30,
    -- Above this per recipient per year the zastupitelstvo decides (§85 písm. c) zákona o obcích).
    "council_threshold" INTEGER NOT NULL DEFAULT 20000000,
    "counter" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "grant_settings_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "grant_settings_single_row" CHECK ("id" = 1),
    CONSTRAINT "grant_settings_values" CHECK ("publication_lead_days" >= 0 AND "council_threshold" > 0)
);
INSERT INTO "grant_settings" ("id") VALUES (1);
