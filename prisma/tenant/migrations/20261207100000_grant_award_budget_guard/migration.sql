-- Issue 14: a programme's awarded total never passes its total budget, even when two members of staff
-- award at the same moment. The trigger locks the programme version's row (so awards within one
-- programme serialise) and sums the other awards with a fresh snapshot after the lock; passing the
-- budget needs an admin's explicit confirmation, recorded on the application (and in the audit log).
ALTER TABLE "grant_application" ADD COLUMN "over_budget_confirmed_by" UUID;

CREATE FUNCTION "grant_application_within_budget"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    version_id UUID;
    budget INTEGER;
    others BIGINT;
BEGIN
    IF NEW."state" NOT IN ('awarded', 'contracted', 'paid', 'settlement_filed', 'settlement_returned', 'settled') OR NEW."over_budget_confirmed_by" IS NOT NULL THEN
        RETURN NEW;
    END IF;
    -- Already counted and not growing (contract, payout, settlement steps): nothing to check.
    IF TG_OP = 'UPDATE' AND OLD."state" IN ('awarded', 'contracted', 'paid', 'settlement_filed', 'settlement_returned', 'settled')
        AND coalesce(NEW."awarded_amount", 0) <= coalesce(OLD."awarded_amount", 0) THEN
        RETURN NEW;
    END IF;
    -- The table's own schema (each town has one); connections carry no search_path.
    EXECUTE format('SELECT v."id", v."total_budget" FROM %1$I."grant_call" c JOIN %1$I."grant_programme_version" v ON v."id" = c."programme_version_id" WHERE c."id" = $1 FOR UPDATE OF v', TG_TABLE_SCHEMA)
        INTO version_id, budget USING NEW."call_id";
    EXECUTE format('SELECT coalesce(sum(a."awarded_amount"), 0) FROM %1$I."grant_application" a JOIN %1$I."grant_call" c ON c."id" = a."call_id" WHERE c."programme_version_id" = $1 AND a."id" <> $2 AND a."state" IN (''awarded'', ''contracted'', ''paid'', ''settlement_filed'', ''settlement_returned'', ''settled'')', TG_TABLE_SCHEMA)
        INTO others USING version_id, NEW."id";
    IF others + coalesce(NEW."awarded_amount", 0) > budget THEN
        RAISE EXCEPTION 'grant_application_within_budget: programme version % would award % of its budget % (over_budget_confirmed_by is not set)', version_id, others + coalesce(NEW."awarded_amount", 0), budget
            USING ERRCODE = 'check_violation', CONSTRAINT = 'grant_application_within_budget';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER "grant_application_within_budget" BEFORE INSERT OR UPDATE OF "state", "awarded_amount", "over_budget_confirmed_by" ON "grant_application"
    FOR EACH ROW EXECUTE FUNCTION "grant_application_within_budget"();
