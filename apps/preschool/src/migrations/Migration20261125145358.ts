import { Migration } from '@mikro-orm/migrations';

export class Migration20261125145358 extends Migration {

  override name = 'Migration20261125145358';

  override up(): void | Promise<void> {
    this.addSql(`create table "inbox_message" ("consumer" varchar(255) not null, "event_id" uuid not null, "type" varchar(255) not null, "processed_at" timestamptz not null, primary key ("consumer", "event_id"));`);

    this.addSql(`create table "kindergarten" ("institution_id" uuid not null, "name" varchar(200) not null, "ownership" varchar(10) not null, "district_code" varchar(40) not null, "places" int not null default 0, "enrolled" int not null default 0, "inclusive" boolean not null default false, "version" int not null default 1, primary key ("institution_id"));`);
    this.addSql(`create index "kindergarten_district_code_index" on "kindergarten" ("district_code");`);

    this.addSql(`create table "outbox_message" ("id" uuid not null, "topic" varchar(255) not null, "message_key" varchar(255) not null, "type" varchar(255) not null, "envelope" text not null, "created_at" timestamptz not null, "sent_at" timestamptz null, "claimed_by" varchar(255) null, "claimed_until" timestamptz null, "attempts" int not null default 0, "rejections" int not null default 0, "parked_at" timestamptz null, "last_error" text null, primary key ("id"));`);
    this.addSql(`create index "outbox_message_created_at_index" on "outbox_message" ("created_at");`);
    this.addSql(`create index "outbox_message_sent_at_index" on "outbox_message" ("sent_at");`);
  }

}
