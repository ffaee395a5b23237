import { Migration } from '@mikro-orm/migrations';

export class Migration20261125145401 extends Migration {

  override name = 'Migration20261125145401';

  override up(): void | Promise<void> {
    this.addSql(`create table "inbox_message" ("consumer" varchar(255) not null, "event_id" uuid not null, "type" varchar(255) not null, "processed_at" timestamptz not null, primary key ("consumer", "event_id"));`);

    this.addSql(`create table "institution" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "name" varchar(200) not null, "level" varchar(20) not null, "ownership" varchar(10) not null, "district_code" varchar(40) not null, "address" varchar(300) null, "credit_code" varchar(18) null, "licence_number" varchar(60) null, "licence_status" varchar(20) null, primary key ("id"));`);
    this.addSql(`create index "institution_district_code_index" on "institution" ("district_code");`);
    this.addSql(`alter table "institution" add constraint "institution_credit_code_unique" unique ("credit_code");`);
    this.addSql(`alter table "institution" add constraint "institution_name_district_code_unique" unique ("name", "district_code");`);

    this.addSql(`create table "outbox_message" ("id" uuid not null, "topic" varchar(255) not null, "message_key" varchar(255) not null, "type" varchar(255) not null, "envelope" text not null, "created_at" timestamptz not null, "sent_at" timestamptz null, "claimed_by" varchar(255) null, "claimed_until" timestamptz null, "attempts" int not null default 0, "rejections" int not null default 0, "parked_at" timestamptz null, "last_error" text null, primary key ("id"));`);
    this.addSql(`create index "outbox_message_created_at_index" on "outbox_message" ("created_at");`);
    this.addSql(`create index "outbox_message_sent_at_index" on "outbox_message" ("sent_at");`);
  }

}
