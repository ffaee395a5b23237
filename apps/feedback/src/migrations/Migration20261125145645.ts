import { Migration } from '@mikro-orm/migrations';

export class Migration20261125145645 extends Migration {

  override name = 'Migration20261125145645';

  override up(): void | Promise<void> {
    this.addSql(`create table "inbox_message" ("consumer" varchar(255) not null, "event_id" uuid not null, "type" varchar(255) not null, "processed_at" timestamptz not null, primary key ("consumer", "event_id"));`);

    this.addSql(`create table "known_institution" ("institution_id" uuid not null, "name" varchar(200) not null, "ratings" int not null default 0, "score_sum" int not null default 0, "bad_reviews" int not null default 0, primary key ("institution_id"));`);

    this.addSql(`create table "outbox_message" ("id" uuid not null, "topic" varchar(255) not null, "message_key" varchar(255) not null, "type" varchar(255) not null, "envelope" text not null, "created_at" timestamptz not null, "sent_at" timestamptz null, "claimed_by" varchar(255) null, "claimed_until" timestamptz null, "attempts" int not null default 0, "rejections" int not null default 0, "parked_at" timestamptz null, "last_error" text null, primary key ("id"));`);
    this.addSql(`create index "outbox_message_created_at_index" on "outbox_message" ("created_at");`);
    this.addSql(`create index "outbox_message_sent_at_index" on "outbox_message" ("sent_at");`);

    this.addSql(`create table "rating" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "institution_id" uuid not null, "service_item" varchar(100) not null, "matter_id" varchar(100) null, "matter_key" varchar(300) not null, "score" int not null, "comment" text null, "rater_id" varchar(100) not null, "bad" boolean not null, primary key ("id"));`);
    this.addSql(`create index "rating_institution_id_index" on "rating" ("institution_id");`);
    this.addSql(`create index "rating_matter_id_index" on "rating" ("matter_id");`);
    this.addSql(`alter table "rating" add constraint "rating_matter_key_unique" unique ("matter_key");`);
  }

}
