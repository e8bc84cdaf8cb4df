-- TEXT holds 64 KiB and MEDIUMTEXT 16 MiB on MariaDB, less than a request may carry (128 MB): a folder's data or
-- meta, or a profile image given as a data URL, beyond them was refused by the database with a 500. The other
-- databases' text types have no such limit.
ALTER TABLE folder MODIFY meta LONGTEXT, MODIFY data LONGTEXT;
ALTER TABLE app_user MODIFY profile_image_url LONGTEXT NOT NULL;
