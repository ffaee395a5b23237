import { Migration } from '@mikro-orm/migrations';

export class Migration20261125145403 extends Migration {

  override name = 'Migration20261125145403';

  override up(): void | Promise<void> {
    this.addSql(`create table "inbox_message" ("consumer" varchar(255) not null, "event_id" uuid not null, "type" varchar(255) not null, "processed_at" timestamptz not null, primary key ("consumer", "event_id"));`);

    this.addSql(`create table "outbox_message" ("id" uuid not null, "topic" varchar(255) not null, "message_key" varchar(255) not null, "type" varchar(255) not null, "envelope" text not null, "created_at" timestamptz not null, "sent_at" timestamptz null, "claimed_by" varchar(255) null, "claimed_until" timestamptz null, "attempts" int not null default 0, "rejections" int not null default 0, "parked_at" timestamptz null, "last_error" text null, primary key ("id"));`);
    this.addSql(`create index "outbox_message_created_at_index" on "outbox_message" ("created_at");`);
    this.addSql(`create index "outbox_message_sent_at_index" on "outbox_message" ("sent_at");`);

    this.addSql(`create table "programme" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "institution_id" uuid not null, "code" varchar(6) not null, "name" varchar(200) not null, "length_years" int not null, "annual_intake" int not null, "featured" boolean not null default false, primary key ("id"));`);
    this.addSql(`create index "programme_institution_id_index" on "programme" ("institution_id");`);
    this.addSql(`alter table "programme" add constraint "programme_institution_id_code_unique" unique ("institution_id", "code");`);

    this.addSql(`create table "vocational_school" ("institution_id" uuid not null, "name" varchar(200) not null, "district_code" varchar(40) not null, "opened_at" timestamptz not null, primary key ("institution_id"));`);
  }

}
