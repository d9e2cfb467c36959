-- Issue 12: cases from every channel. Staff record requests that came by
-- phone, e-mail, in person, by letter or by referral, and the statistics
-- count seven channels. Prisma would have dropped the column and made a
-- new type; by hand instead: the type is renamed and its two values are
-- renamed to what they always meant (the web form, anonymous or with
-- contact), so every row keeps its channel.
ALTER TYPE "ContactChannel" RENAME TO "CaseChannel";
ALTER TYPE "CaseChannel" RENAME VALUE 'ANONYMOUS' TO 'WEB_ANONYMOUS';
ALTER TYPE "CaseChannel" RENAME VALUE 'WITH_CONTACT' TO 'WEB_WITH_CONTACT';
ALTER TYPE "CaseChannel" ADD VALUE 'PHONE';
ALTER TYPE "CaseChannel" ADD VALUE 'EMAIL';
ALTER TYPE "CaseChannel" ADD VALUE 'IN_PERSON';
ALTER TYPE "CaseChannel" ADD VALUE 'LETTER';
ALTER TYPE "CaseChannel" ADD VALUE 'REFERRAL';

-- The tallies' channel keys are the value's name ("case_tally_rows" in
-- migration "case_tally" reads `channel::text`, so it needs no change): the
-- live tally is counted again from the cases, and what the cases that
-- retention deleted counted takes the new names, which say the same.
DELETE FROM "CaseTally" WHERE "dimension" = 'channel';
INSERT INTO "CaseTally" ("year", "quarter", "dimension", "key", "count")
SELECT t."year", t."quarter", t."dimension", t."key", count(*)
FROM "Case" AS c, LATERAL "case_tally_rows"(c) AS t
WHERE t."dimension" = 'channel'
GROUP BY 1, 2, 3, 4;

UPDATE "DeletedCaseTally" SET "key" = 'WEB_' || "key"
WHERE "dimension" = 'channel' AND "key" IN ('ANONYMOUS', 'WITH_CONTACT');
