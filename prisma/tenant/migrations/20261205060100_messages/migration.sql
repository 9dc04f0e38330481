-- Messages with the office (issue 15, decision 023): one conversation model. A thread is about a
-- topic (one of the town's submission agendas) or tied to a submission (the office's needs-info
-- questions and the citizen's answers); its state changes only through message-states.ts.
CREATE TABLE "message_thread" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "person_id" UUID,
    "submission_id" UUID,
    "topic" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'new',
    "assigned_staff_id" UUID,
    "waiting_since" TIMESTAMPTZ(3),
    "last_message_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "citizen_read_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "message_thread_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "message_thread_state" CHECK ("state" IN ('new', 'waiting_for_office', 'waiting_for_citizen', 'closed')),
    CONSTRAINT "message_thread_subject_present" CHECK (length(btrim("subject")) > 0),
    CONSTRAINT "message_thread_person_id_fkey" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "message_thread_submission_id_fkey" FOREIGN KEY ("submission_id") REFERENCES "submission"("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "message_thread_assigned_staff_id_fkey" FOREIGN KEY ("assigned_staff_id") REFERENCES "staff_user"("id") ON DELETE SET NULL ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "message_thread_submission_id_key" ON "message_thread"("submission_id");
CREATE INDEX "message_thread_person_id_last_message_at_idx" ON "message_thread"("person_id", "last_message_at");
CREATE INDEX "message_thread_topic_state_idx" ON "message_thread"("topic", "state");

CREATE TABLE "thread_message" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "thread_id" UUID NOT NULL,
    "author" TEXT NOT NULL,
    "staff_user_id" UUID,
    "author_name" TEXT,
    "body" TEXT NOT NULL,
    "is_internal" BOOLEAN NOT NULL DEFAULT false,
    "submission_event_id" BIGINT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "thread_message_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "thread_message_author" CHECK ("author" IN ('citizen', 'staff')),
    -- Internal notes are the office's own: a citizen never writes one.
    CONSTRAINT "thread_message_internal_by_staff" CHECK (NOT "is_internal" OR "author" = 'staff'),
    CONSTRAINT "thread_message_body_present" CHECK (length(btrim("body")) > 0),
    CONSTRAINT "thread_message_thread_id_fkey" FOREIGN KEY ("thread_id") REFERENCES "message_thread"("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "thread_message_staff_user_id_fkey" FOREIGN KEY ("staff_user_id") REFERENCES "staff_user"("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "thread_message_submission_event_id_fkey" FOREIGN KEY ("submission_event_id") REFERENCES "submission_event"("id") ON DELETE SET NULL ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "thread_message_submission_event_id_key" ON "thread_message"("submission_event_id");
CREATE INDEX "thread_message_thread_id_created_at_idx" ON "thread_message"("thread_id", "created_at");
CREATE INDEX "thread_message_search" ON "thread_message" USING gin (to_tsvector('simple'::regconfig, public.portal_unaccent(lower("body"))));
CREATE INDEX "message_thread_search" ON "message_thread" USING gin (to_tsvector('simple'::regconfig, public.portal_unaccent(lower("subject"))));

CREATE TABLE "thread_attachment" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "message_id" UUID NOT NULL,
    "file_name" TEXT NOT NULL,
    "content_type" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "content" BYTEA NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "thread_attachment_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "thread_attachment_message_id_fkey" FOREIGN KEY ("message_id") REFERENCES "thread_message"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE INDEX "thread_attachment_message_id_idx" ON "thread_attachment"("message_id");

CREATE TABLE "thread_transition" (
    "id" BIGSERIAL NOT NULL,
    "thread_id" UUID NOT NULL,
    "from_state" TEXT,
    "to_state" TEXT NOT NULL,
    "actor" TEXT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "thread_transition_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "thread_transition_thread_id_fkey" FOREIGN KEY ("thread_id") REFERENCES "message_thread"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE INDEX "thread_transition_thread_id_idx" ON "thread_transition"("thread_id");

-- Canned replies, managed by the town's admin.
CREATE TABLE "canned_reply" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "canned_reply_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "canned_reply_present" CHECK (length(btrim("title")) > 0 AND length(btrim("body")) > 0)
);

-- Notifications in the portal. event_key names the event (e.g. "submission-event:123") so a retried
-- job or a double-clicked button cannot notify twice.
CREATE TABLE "notification" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "person_id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "event_key" TEXT NOT NULL,
    "params" JSONB NOT NULL DEFAULT '{}',
    "link" TEXT NOT NULL,
    "read_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "notification_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "notification_kind" CHECK ("kind" IN ('submission_status', 'message_reply', 'payment_receipt', 'reminder', 'announcement')),
    CONSTRAINT "notification_person_id_fkey" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "notification_person_id_event_key_key" ON "notification"("person_id", "event_key");
CREATE INDEX "notification_person_id_created_at_idx" ON "notification"("person_id", "created_at");

-- A citizen's choice per kind and channel; a missing row means the default (notification-kinds.ts).
CREATE TABLE "notification_preference" (
    "person_id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "enabled" BOOLEAN NOT NULL,
    CONSTRAINT "notification_preference_pkey" PRIMARY KEY ("person_id", "kind", "channel"),
    CONSTRAINT "notification_preference_kind" CHECK ("kind" IN ('submission_status', 'message_reply', 'payment_receipt', 'reminder', 'announcement')),
    CONSTRAINT "notification_preference_channel" CHECK ("channel" IN ('portal', 'email', 'sms')),
    CONSTRAINT "notification_preference_person_id_fkey" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- The anonymous submitter's follow-up link: only the SHA-256 of the token is stored.
CREATE TABLE "followup_link" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "submission_id" UUID NOT NULL,
    "token_hash" TEXT NOT NULL,
    "revoked_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "followup_link_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "followup_link_submission_id_fkey" FOREIGN KEY ("submission_id") REFERENCES "submission"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "followup_link_token_hash_key" ON "followup_link"("token_hash");
CREATE INDEX "followup_link_submission_id_idx" ON "followup_link"("submission_id");

-- The needs-info questions and answers so far become threads of their submissions (one model).
INSERT INTO "message_thread" ("person_id", "submission_id", "topic", "subject", "state", "last_message_at", "created_at")
SELECT s."person_id", s."id", s."agenda", s."number",
       CASE WHEN s."status" IN ('resolved', 'rejected') THEN 'closed' WHEN s."status" = 'needs_info' THEN 'waiting_for_citizen' ELSE 'waiting_for_office' END,
       max(e."at"), min(e."at")
FROM "submission" s JOIN "submission_event" e ON e."submission_id" = s."id"
WHERE (e."status" = 'needs_info' OR e."kind" = 'answered') AND e."message" IS NOT NULL
GROUP BY s."id";
INSERT INTO "thread_message" ("thread_id", "author", "author_name", "body", "submission_event_id", "created_at")
SELECT t."id", CASE WHEN e."actor" = 'citizen' THEN 'citizen' ELSE 'staff' END, e."actor_name", e."message", e."id", e."at"
FROM "submission_event" e JOIN "message_thread" t ON t."submission_id" = e."submission_id"
WHERE (e."status" = 'needs_info' OR e."kind" = 'answered') AND e."message" IS NOT NULL AND length(btrim(e."message")) > 0;
