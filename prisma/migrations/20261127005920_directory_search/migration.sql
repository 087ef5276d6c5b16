-- Directory search (lib/directory/directory-sql.ts): a weighted tsvector for
-- English and Russian text, an accent-free lower-case name for typo-tolerant
-- trigram matching and the name sort, the organisation's country and the
-- total member count on the profile row (so that searching, filtering and
-- counting facets read one table), all kept current by triggers; GIN indexes
-- for the text and the array filters, btree indexes for the sorts.

-- Extensions: trigram similarity (typos in names) and accent folding.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS unaccent;

-- One text search configuration for both languages: a copy of PostgreSQL's
-- "russian", which stems Latin-script words with the English Snowball stemmer
-- and Cyrillic words with the Russian one, applied to text whose accents were
-- folded first (unaccent before parsing, so "Pôles" and "Düsseldorfer" are
-- English-stemmed words and "ё" = "е"). One vector and one tsquery serve
-- English and Russian alike: indexing every text in two configurations and
-- OR-ing two queries doubled the index and made PostgreSQL recheck every
-- match against the stored vector (docs/PERFORMANCE.md).
CREATE TEXT SEARCH CONFIGURATION covalent (COPY = pg_catalog.russian);

-- AlterTable
ALTER TABLE "ClusterProfile" ADD COLUMN     "membersTotal" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "searchCountry" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "searchName" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "searchVector" tsvector;

-- A document or a query in the directory's text search configuration.
CREATE FUNCTION covalent_tsvector(body text) RETURNS tsvector
LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT to_tsvector('covalent', unaccent('unaccent', coalesce(body, '')))
$$;

-- The search columns of one profile, from its organisation's name and
-- country, its own texts, and the labels (both languages) of its keywords and
-- ecosystems, so that "робототехника" finds a profile tagged "robotics".
-- Weights: name and acronym A, keywords and tags B, offers, seeks and
-- ecosystems C, descriptions D.
CREATE FUNCTION covalent_cluster_profile_search() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  org_name text;
  org_country text;
  keyword_text text;
  offer_text text;
BEGIN
  SELECT o."name", o."country" INTO org_name, org_country FROM "Organization" o WHERE o."id" = NEW."organizationId";

  SELECT concat_ws(' ', array_to_string(NEW."keywords", ' '), array_to_string(NEW."tags", ' '),
                   string_agg(k."labelEn" || ' ' || k."labelRu", ' '))
    INTO keyword_text
    FROM "TechnologyKeyword" k WHERE k."code" = ANY (NEW."keywords");

  SELECT concat_ws(' ', NEW."offers", NEW."seeks", string_agg(e."labelEn" || ' ' || e."labelRu", ' '))
    INTO offer_text
    FROM "Ecosystem" e WHERE e."code" = ANY (NEW."ecosystems");

  NEW."searchName" := lower(unaccent('unaccent', coalesce(org_name, '')));
  NEW."searchCountry" := coalesce(org_country, '');
  NEW."membersTotal" := NEW."membersSme" + NEW."membersLarge" + NEW."membersResearch"
                      + NEW."membersUniversity" + NEW."membersPublic" + NEW."membersOther";
  NEW."searchVector" :=
       setweight(covalent_tsvector(concat_ws(' ', org_name, NEW."acronym")), 'A')
    || setweight(covalent_tsvector(keyword_text), 'B')
    || setweight(covalent_tsvector(offer_text), 'C')
    || setweight(covalent_tsvector(concat_ws(' ', NEW."descriptionEn", NEW."descriptionRu")), 'D');
  RETURN NEW;
END
$$;

CREATE TRIGGER "ClusterProfile_directory_search"
  BEFORE INSERT OR UPDATE ON "ClusterProfile"
  FOR EACH ROW EXECUTE FUNCTION covalent_cluster_profile_search();

-- A renamed organisation, or one that moved country: recompute its profile's
-- search columns (the no-op update fires the trigger above).
CREATE FUNCTION covalent_organization_name_search() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "ClusterProfile" SET "organizationId" = "organizationId" WHERE "organizationId" = NEW."id";
  RETURN NULL;
END
$$;

CREATE TRIGGER "Organization_directory_search"
  AFTER UPDATE OF "name", "country" ON "Organization"
  FOR EACH ROW WHEN (OLD."name" IS DISTINCT FROM NEW."name" OR OLD."country" IS DISTINCT FROM NEW."country")
  EXECUTE FUNCTION covalent_organization_name_search();

-- A relabelled keyword or ecosystem: recompute the profiles that use it.
CREATE FUNCTION covalent_keyword_label_search() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "ClusterProfile" SET "keywords" = "keywords" WHERE "keywords" @> ARRAY[NEW."code"];
  RETURN NULL;
END
$$;

CREATE TRIGGER "TechnologyKeyword_directory_search"
  AFTER UPDATE OF "labelEn", "labelRu" ON "TechnologyKeyword"
  FOR EACH ROW WHEN (OLD."labelEn" IS DISTINCT FROM NEW."labelEn" OR OLD."labelRu" IS DISTINCT FROM NEW."labelRu")
  EXECUTE FUNCTION covalent_keyword_label_search();

CREATE FUNCTION covalent_ecosystem_label_search() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "ClusterProfile" SET "ecosystems" = "ecosystems" WHERE "ecosystems" @> ARRAY[NEW."code"];
  RETURN NULL;
END
$$;

CREATE TRIGGER "Ecosystem_directory_search"
  AFTER UPDATE OF "labelEn", "labelRu" ON "Ecosystem"
  FOR EACH ROW WHEN (OLD."labelEn" IS DISTINCT FROM NEW."labelEn" OR OLD."labelRu" IS DISTINCT FROM NEW."labelRu")
  EXECUTE FUNCTION covalent_ecosystem_label_search();

-- CreateTable
CREATE TABLE "DirectoryVersion" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "version" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "DirectoryVersion_pkey" PRIMARY KEY ("id")
);

-- Any change to what the directory shows sets the version to the changing
-- transaction's id: transactional (a reader sees the new version exactly when
-- it sees the change), never reused (not even after TRUNCATE … RESTART
-- IDENTITY), one row lock per writing transaction. Cached directory answers
-- (lib/directory/cache.ts) are keyed by it.
CREATE FUNCTION covalent_bump_directory_version() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "DirectoryVersion" ("id", "version") VALUES (1, pg_current_xact_id()::text::bigint)
  ON CONFLICT ("id") DO UPDATE SET "version" = EXCLUDED."version"
  WHERE "DirectoryVersion"."version" IS DISTINCT FROM EXCLUDED."version";
  RETURN NULL;
END
$$;

CREATE TRIGGER "ClusterProfile_directory_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "ClusterProfile"
  FOR EACH STATEMENT EXECUTE FUNCTION covalent_bump_directory_version();
CREATE TRIGGER "Organization_directory_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Organization"
  FOR EACH STATEMENT EXECUTE FUNCTION covalent_bump_directory_version();
CREATE TRIGGER "Ecosystem_directory_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Ecosystem"
  FOR EACH STATEMENT EXECUTE FUNCTION covalent_bump_directory_version();
CREATE TRIGGER "Sector_directory_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Sector"
  FOR EACH STATEMENT EXECUTE FUNCTION covalent_bump_directory_version();

-- Rows go out of line (TOAST) above 1 kB instead of 2 kB: the vector and the
-- descriptions leave the main table, so that scanning the filter columns of
-- many profiles reads fewer pages (docs/PERFORMANCE.md).
ALTER TABLE "ClusterProfile" SET (toast_tuple_target = 1024);
ALTER TABLE "ClusterProfile" ALTER COLUMN "searchVector" SET STORAGE EXTERNAL;
-- No statistics on the vector: the planner then assumes any text query is
-- selective and always reads matches through the GIN index. With statistics
-- it turned broad words ("software": 20 % of profiles) into a sequential scan
-- that evaluates @@ on every row, fetching every out-of-line vector (0.6 s
-- instead of 0.1 s at 100,000 profiles): its cost model does not see TOAST.
ALTER TABLE "ClusterProfile" ALTER COLUMN "searchVector" SET STATISTICS 0;

-- Fill the new columns of existing profiles.
UPDATE "ClusterProfile" SET "organizationId" = "organizationId";

-- CreateIndex
CREATE INDEX "ClusterProfile_searchVector_idx" ON "ClusterProfile" USING GIN ("searchVector");

-- CreateIndex
CREATE INDEX "ClusterProfile_searchName_trgm_idx" ON "ClusterProfile" USING GIN ("searchName" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "ClusterProfile_ecosystems_idx" ON "ClusterProfile" USING GIN ("ecosystems");

-- CreateIndex
CREATE INDEX "ClusterProfile_sectors_idx" ON "ClusterProfile" USING GIN ("sectors");

-- CreateIndex
CREATE INDEX "ClusterProfile_targetCountries_idx" ON "ClusterProfile" USING GIN ("targetCountries");

-- CreateIndex
CREATE INDEX "ClusterProfile_status_searchName_idx" ON "ClusterProfile"("status", "searchName");

-- CreateIndex
CREATE INDEX "ClusterProfile_status_publishedAt_idx" ON "ClusterProfile"("status", "publishedAt");

-- CreateIndex
CREATE INDEX "ClusterProfile_status_membersTotal_idx" ON "ClusterProfile"("status", "membersTotal");

-- CreateIndex
CREATE INDEX "ClusterProfile_status_searchCountry_idx" ON "ClusterProfile"("status", "searchCountry");
