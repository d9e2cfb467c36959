-- CreateTable
CREATE TABLE "CaseTally" (
    "year" INTEGER NOT NULL,
    "quarter" INTEGER NOT NULL,
    "dimension" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "CaseTally_pkey" PRIMARY KEY ("year","quarter","dimension","key")
);

-- What one case contributes to the statistics: one row per table and
-- category, in the year and quarter it was received. Cases marked "not a
-- discrimination case" count only in their own table. Mirrors the direct
-- count in app/models/statistics.server.ts, which a test compares with it.
CREATE FUNCTION "case_tally_rows"(c "Case")
RETURNS TABLE ("year" int, "quarter" int, "dimension" text, "key" text)
LANGUAGE sql IMMUTABLE AS $$
    SELECT extract(year FROM c."receivedOn")::int, extract(quarter FROM c."receivedOn")::int, d.dimension, d.key
    FROM (
        SELECT 'notDiscrimination', 'NOT_DISCRIMINATION' WHERE c.status = 'NOT_DISCRIMINATION'
        UNION ALL
        SELECT v.dimension, v.key FROM (VALUES
            ('requesterType', coalesce(c."requesterType", 'not_stated')),
            ('statusOutcome', CASE WHEN c.status = 'CLOSED' THEN 'CLOSED:' || coalesce(c.outcome, 'not_stated') ELSE c.status::text END),
            ('channel', c.channel::text),
            ('ageGroup', coalesce(c."reportedAgeGroup", 'not_stated')),
            ('gender', coalesce(c."reportedGender", 'not_stated')),
            ('nationalityGroup', coalesce(c."reportedNationality", 'not_stated')),
            ('residenceStatus', coalesce(c."reportedResidence", 'not_stated'))
        ) AS v (dimension, key) WHERE c.status <> 'NOT_DISCRIMINATION'
        UNION ALL
        SELECT 'areas', a FROM unnest(c.areas) AS a WHERE c.status <> 'NOT_DISCRIMINATION'
        UNION ALL
        SELECT 'forms', f FROM unnest(c.forms) AS f WHERE c.status <> 'NOT_DISCRIMINATION'
        UNION ALL
        SELECT 'motives', m FROM unnest(c.motives) AS m WHERE c.status <> 'NOT_DISCRIMINATION'
        UNION ALL
        SELECT 'actors', x FROM unnest(c.actors) AS x WHERE c.status <> 'NOT_DISCRIMINATION'
    ) AS d (dimension, key)
$$;

-- One statement-level trigger per operation: a bulk insert updates each
-- tally row once, an update that changes nothing counted writes nothing,
-- and the rows are locked in one order, so concurrent writers cannot deadlock.
CREATE FUNCTION "case_tally_apply"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO "CaseTally" ("year", "quarter", "dimension", "key", "count")
        SELECT t."year", t."quarter", t."dimension", t."key", count(*)
        FROM new_rows AS n, LATERAL "case_tally_rows"(n) AS t
        GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
        ON CONFLICT ("year", "quarter", "dimension", "key") DO UPDATE SET "count" = "CaseTally"."count" + excluded."count";
    ELSIF TG_OP = 'DELETE' THEN
        INSERT INTO "CaseTally" ("year", "quarter", "dimension", "key", "count")
        SELECT t."year", t."quarter", t."dimension", t."key", -count(*)
        FROM old_rows AS o, LATERAL "case_tally_rows"(o) AS t
        GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
        ON CONFLICT ("year", "quarter", "dimension", "key") DO UPDATE SET "count" = "CaseTally"."count" + excluded."count";
    ELSE
        INSERT INTO "CaseTally" ("year", "quarter", "dimension", "key", "count")
        SELECT "year", "quarter", "dimension", "key", sum(delta)::int
        FROM (
            SELECT t.*, 1 AS delta FROM new_rows AS n, LATERAL "case_tally_rows"(n) AS t
            UNION ALL
            SELECT t.*, -1 AS delta FROM old_rows AS o, LATERAL "case_tally_rows"(o) AS t
        ) AS changes
        GROUP BY 1, 2, 3, 4 HAVING sum(delta) <> 0 ORDER BY 1, 2, 3, 4
        ON CONFLICT ("year", "quarter", "dimension", "key") DO UPDATE SET "count" = "CaseTally"."count" + excluded."count";
    END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER "Case_tally_insert" AFTER INSERT ON "Case"
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "case_tally_apply"();
CREATE TRIGGER "Case_tally_update" AFTER UPDATE ON "Case"
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "case_tally_apply"();
CREATE TRIGGER "Case_tally_delete" AFTER DELETE ON "Case"
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "case_tally_apply"();

-- The cases that exist already.
INSERT INTO "CaseTally" ("year", "quarter", "dimension", "key", "count")
SELECT t."year", t."quarter", t."dimension", t."key", count(*)
FROM "Case" AS c, LATERAL "case_tally_rows"(c) AS t
GROUP BY 1, 2, 3, 4;
