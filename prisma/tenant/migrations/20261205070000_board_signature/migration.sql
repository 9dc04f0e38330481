-- The official board's daily snapshot, signed (issue 17, decision 015): each town has an Ed25519 key
-- pair; the private key is kept encrypted with the secrets key (app/modules/secrets), the public key is
-- published so anyone can check a day's signature without asking the town.
CREATE TABLE "board_signing_key" (
    "key_id" TEXT NOT NULL,
    "public_key" TEXT NOT NULL,
    "private_key" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "board_signing_key_pkey" PRIMARY KEY ("key_id"),
    CONSTRAINT "board_signing_key_private_encrypted" CHECK ("private_key" LIKE 'enc:v1:%')
);

-- Snapshots taken before this migration stay unsigned (signing them now would vouch for them only today).
ALTER TABLE "board_snapshot" ADD COLUMN "signature" TEXT;
ALTER TABLE "board_snapshot" ADD COLUMN "key_id" TEXT;
ALTER TABLE "board_snapshot" ADD CONSTRAINT "board_snapshot_key_id_fkey" FOREIGN KEY ("key_id") REFERENCES "board_signing_key"("key_id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "board_snapshot" ADD CONSTRAINT "board_snapshot_signed_by_key" CHECK (("signature" IS NULL) = ("key_id" IS NULL));

-- Accent-insensitive search on the public board ("rozpocet" finds "Rozpočet"): a folded copy of the
-- searchable text, kept by the database on every write, so no writer can forget it. Folding = lower case
-- and Latin letters without their diacritics (the letters of Latin-1 and Latin Extended-A whose
-- canonical decomposition is an ASCII letter plus marks; board-search.ts folds the query the same way).
-- No unaccent extension: it is per database, not per town schema, and needs CREATE on the database.
ALTER TABLE "board_document" ADD COLUMN "search_text" TEXT NOT NULL DEFAULT '';
CREATE FUNCTION "board_document_fold_search_text"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.search_text := translate(
        lower(NEW.title || ' ' || NEW.description || ' ' || coalesce(NEW.reference_number, '') || ' ' || coalesce(NEW.file_mark, '')),
        'ÀÁÂÃÄÅÇÈÉÊËÌÍÎÏÑÒÓÔÕÖÙÚÛÜÝàáâãäåçèéêëìíîïñòóôõöùúûüýÿĀāĂăĄąĆćĈĉĊċČčĎďĒēĔĕĖėĘęĚěĜĝĞğĠġĢģĤĥĨĩĪīĬĭĮįİĴĵĶķĹĺĻļĽľŃńŅņŇňŌōŎŏŐőŔŕŖŗŘřŚśŜŝŞşŠšŢţŤťŨũŪūŬŭŮůŰűŲųŴŵŶŷŸŹźŻżŽžƠơƯưǍǎǏǐǑǒǓǔǕǖǗǘǙǚǛǜǞǟǠǡǦǧǨǩǪǫǬǭǰǴǵǸǹǺǻȀȁȂȃȄȅȆȇȈȉȊȋȌȍȎȏȐȑȒȓȔȕȖȗȘșȚțȞȟȦȧȨȩȪȫȬȭȮȯȰȱȲȳ',
        'aaaaaaceeeeiiiinooooouuuuyaaaaaaceeeeiiiinooooouuuuyyaaaaaaccccccccddeeeeeeeeeegggggggghhiiiiiiiiijjkkllllllnnnnnnoooooorrrrrrssssssssttttuuuuuuuuuuuuwwyyyzzzzzzoouuaaiioouuuuuuuuuuaaaaggkkoooojggnnaaaaaaeeeeiiiioooorrrruuuusstthhaaeeooooooooyy'
    );
    RETURN NEW;
END;
$$;
CREATE TRIGGER "board_document_search_text" BEFORE INSERT OR UPDATE ON "board_document"
    FOR EACH ROW EXECUTE FUNCTION "board_document_fold_search_text"();
UPDATE "board_document" SET "title" = "title";
