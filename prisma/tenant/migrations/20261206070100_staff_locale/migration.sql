-- Issue 19: a staff member's language (cs, en, uk) for the office e-mails sent to them (invitation,
-- delivery failures); null until they choose one, then the town's default language applies.
ALTER TABLE "staff_user" ADD COLUMN "locale" TEXT;
