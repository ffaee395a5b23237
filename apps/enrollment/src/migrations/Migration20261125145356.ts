import { Migration } from '@mikro-orm/migrations';

export class Migration20261125145356 extends Migration {

  override name = 'Migration20261125145356';

  override up(): void | Promise<void> {
    this.addSql(`create table "inbox_message" ("consumer" varchar(255) not null, "event_id" uuid not null, "type" varchar(255) not null, "processed_at" timestamptz not null, primary key ("consumer", "event_id"));`);

    this.addSql(`create table "outbox_message" ("id" uuid not null, "topic" varchar(255) not null, "message_key" varchar(255) not null, "type" varchar(255) not null, "envelope" text not null, "created_at" timestamptz not null, "sent_at" timestamptz null, "claimed_by" varchar(255) null, "claimed_until" timestamptz null, "attempts" int not null default 0, "rejections" int not null default 0, "parked_at" timestamptz null, "last_error" text null, primary key ("id"));`);
    this.addSql(`create index "outbox_message_created_at_index" on "outbox_message" ("created_at");`);
    this.addSql(`create index "outbox_message_sent_at_index" on "outbox_message" ("sent_at");`);

    this.addSql(`create table "school" ("institution_id" uuid not null, "name" varchar(200) not null, "level" varchar(20) not null, "district_code" varchar(40) not null, "opened_at" timestamptz not null, primary key ("institution_id"));`);
    this.addSql(`create index "school_district_code_index" on "school" ("district_code");`);

    this.addSql(`create table "seat_pool" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "institution_id" uuid not null, "year" int not null, "grade" int not null, "capacity" int not null, "placed" int not null default 0, primary key ("id"));`);
    this.addSql(`create index "seat_pool_institution_id_index" on "seat_pool" ("institution_id");`);
    this.addSql(`alter table "seat_pool" add constraint "seat_pool_institution_id_year_grade_unique" unique ("institution_id", "year", "grade");`);
  }

}
