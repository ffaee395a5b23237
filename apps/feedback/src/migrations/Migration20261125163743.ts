import { Migration } from '@mikro-orm/migrations';

export class Migration20261125163743 extends Migration {

  override name = 'Migration20261125163743';

  override up(): void | Promise<void> {
    this.addSql(`alter table "rating" alter column "rater_id" type text using ("rater_id"::text);`);
    // Ratings so far get the key rateService now computes: SHA-256 of ratingKey, whose parts are
    // joined by U+001F and always end with the rater. Keys only get more specific, so none collide.
    this.addSql(`update "rating" set "matter_key" = encode(sha256(convert_to(case when "matter_id" is null
      then concat_ws(chr(31), 'service', "institution_id"::text, "service_item", "rater_id")
      else concat_ws(chr(31), 'matter', "matter_id", "rater_id") end, 'UTF8')), 'hex');`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "rating" alter column "rater_id" type varchar(100) using ("rater_id"::varchar(100));`);
  }

}
