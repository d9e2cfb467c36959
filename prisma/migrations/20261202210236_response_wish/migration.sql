-- CreateEnum
CREATE TYPE "ResponseWish" AS ENUM ('REPORT_ONLY', 'ANSWER');

-- AlterTable
ALTER TABLE "Case" ADD COLUMN     "responseWish" "ResponseWish";

-- The statistics count the new answer as a case table of its own: the
-- tally's rows (migration "case_tally") with one more dimension. Cases from
-- before the question count as not stated.
CREATE OR REPLACE FUNCTION "case_tally_rows"(c "Case")
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
            ('responseWish', coalesce(c."responseWish"::text, 'not_stated')),
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

-- The cases that exist already: each counts as not stated.
INSERT INTO "CaseTally" ("year", "quarter", "dimension", "key", "count")
SELECT t."year", t."quarter", t."dimension", t."key", count(*)
FROM "Case" AS c, LATERAL "case_tally_rows"(c) AS t
WHERE t."dimension" = 'responseWish'
GROUP BY 1, 2, 3, 4;

-- The cases that retention deleted counted in every case table; in this one
-- they count as not stated too, so that its total equals the others'.
INSERT INTO "DeletedCaseTally" ("year", "quarter", "dimension", "key", "count")
SELECT "year", "quarter", 'responseWish', 'not_stated', sum("count")::int
FROM "DeletedCaseTally"
WHERE "dimension" = 'channel'
GROUP BY 1, 2
HAVING sum("count") <> 0;
