import { Migration } from '@mikro-orm/migrations';

export class Migration20261125215702 extends Migration {

  override name = 'Migration20261125215702';

  override up(): void | Promise<void> {
    this.addSql(`create table "feedback_policy_setting" ("id" uuid not null, "kind" varchar(10) not null, "effective_on" varchar(10) not null, "document" jsonb not null, "basis" text not null, "set_by" text not null, "set_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`alter table "feedback_policy_setting" add constraint "feedback_policy_setting_kind_effective_on_unique" unique ("kind", "effective_on");`);

    this.addSql(`create table "major_decision" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "title" varchar(200) not null, "summary" text not null, "affects_public" boolean not null, "office" varchar(40) null, "opened_by" text not null, "opened_on" varchar(10) not null, "status" varchar(12) not null, "steps" jsonb not null, "comment_opens_on" varchar(10) null, "comment_closes_on" varchar(10) null, "comment_count" int not null default 0, "answer" text null, "answered_on" varchar(10) null, "answered_by" text null, "concluded_on" varchar(10) null, "concluded_by" text null, primary key ("id"));`);
    this.addSql(`create index "major_decision_status_index" on "major_decision" ("status");`);

    this.addSql(`create table "major_decision_comment" ("id" uuid not null, "decision_id" uuid not null, "author_id" text not null, "text" text not null, "commented_on" varchar(10) not null, "created_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`create index "major_decision_comment_decision_id_index" on "major_decision_comment" ("decision_id");`);

    this.addSql(`create table "measure" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "title" varchar(200) not null, "owner_kind" varchar(12) not null, "owner" varchar(40) not null, "due_on" varchar(10) not null, "status" varchar(12) not null, "percent" int not null, "completed_on" varchar(10) null, "last_result" varchar(12) null, "announced" varchar(10) null, "state" jsonb not null, primary key ("id"));`);
    this.addSql(`create index "measure_owner_index" on "measure" ("owner");`);
    this.addSql(`create index "measure_due_on_index" on "measure" ("due_on");`);
    this.addSql(`create index "measure_status_index" on "measure" ("status");`);

    this.addSql(`create table "office_roster" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "office" varchar(40) not null, "staff" jsonb not null, "set_on" varchar(10) not null, "set_by" text not null, primary key ("id"));`);
    this.addSql(`alter table "office_roster" add constraint "office_roster_office_unique" unique ("office");`);

    this.addSql(`create table "policy_interpretation" ("id" uuid not null, "policy_id" uuid not null, "audience" varchar(10) not null, "plain_text" text not null, primary key ("id"));`);
    this.addSql(`create index "policy_interpretation_policy_id_index" on "policy_interpretation" ("policy_id");`);
    this.addSql(`create index "policy_interpretation_audience_index" on "policy_interpretation" ("audience");`);
    this.addSql(`alter table "policy_interpretation" add constraint "policy_interpretation_policy_id_audience_unique" unique ("policy_id", "audience");`);

    this.addSql(`create table "policy" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "title" varchar(200) not null, "issuer" varchar(100) not null, "number" varchar(60) not null, "issued_on" varchar(10) null, "body" text not null, "published_on" varchar(10) not null, "published_by" text not null, primary key ("id"));`);
    this.addSql(`alter table "policy" add constraint "policy_number_unique" unique ("number");`);
    this.addSql(`create index "policy_published_on_index" on "policy" ("published_on");`);

    this.addSql(`create table "service_standard" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "item_code" varchar(40) not null, "office" varchar(40) not null, "version_count" int not null, "latest_effective_on" varchar(10) not null, primary key ("id"));`);
    this.addSql(`alter table "service_standard" add constraint "service_standard_item_code_unique" unique ("item_code");`);
    this.addSql(`create index "service_standard_office_index" on "service_standard" ("office");`);

    this.addSql(`create table "standard_training" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" varchar(20) not null, "standard_id" uuid not null, "item_code" varchar(40) not null, "office" varchar(40) not null, "held_on" varchar(10) not null, "trainer" varchar(100) not null, "attendees" jsonb not null, "recorded_by" text not null, primary key ("id"));`);
    this.addSql(`create index "standard_training_standard_id_index" on "standard_training" ("standard_id");`);
    this.addSql(`create index "standard_training_item_code_index" on "standard_training" ("item_code");`);

    this.addSql(`create table "service_standard_version" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" varchar(20) not null, "item_code" varchar(40) not null, "office" varchar(40) not null, "text" text not null, "effective_on" varchar(10) not null, "published_on" varchar(10) not null, "published_by" text not null, primary key ("id"));`);
    this.addSql(`create index "service_standard_version_item_code_index" on "service_standard_version" ("item_code");`);
    this.addSql(`create index "service_standard_version_office_index" on "service_standard_version" ("office");`);
    this.addSql(`create index "service_standard_version_effective_on_index" on "service_standard_version" ("effective_on");`);
    this.addSql(`alter table "service_standard_version" add constraint "service_standard_version_item_code_version_unique" unique ("item_code", "version");`);
    this.addSql(`alter table "service_standard_version" add constraint "service_standard_version_item_code_effective_on_unique" unique ("item_code", "effective_on");`);

    this.addSql(`create table "supervision_item" ("id" uuid not null, "source_key" varchar(120) not null, "source" varchar(20) not null, "source_id" uuid not null, "office" varchar(40) not null, "state" varchar(10) not null, "due_on" varchar(10) null, "recorded_on" varchar(10) not null, "event_type" varchar(60) not null, "event_id" uuid not null, "created_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`alter table "supervision_item" add constraint "supervision_item_source_key_unique" unique ("source_key");`);
    this.addSql(`create index "supervision_item_office_index" on "supervision_item" ("office");`);
    this.addSql(`create index "supervision_item_recorded_on_index" on "supervision_item" ("recorded_on");`);
    // Chinese full-text search of policies: trigram indexes (pg_trgm) behind the ILIKE search.
    this.addSql(`create extension if not exists pg_trgm;`);
    this.addSql(`create index if not exists policy_title_trgm on policy using gin (title gin_trgm_ops);`);
    this.addSql(`create index if not exists policy_number_trgm on policy using gin (number gin_trgm_ops);`);
    this.addSql(`create index if not exists policy_body_trgm on policy using gin (body gin_trgm_ops);`);
    this.addSql(`create index if not exists policy_interpretation_plain_text_trgm on policy_interpretation using gin (plain_text gin_trgm_ops);`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "feedback_policy_setting" cascade;`);
    this.addSql(`drop table if exists "major_decision" cascade;`);
    this.addSql(`drop table if exists "major_decision_comment" cascade;`);
    this.addSql(`drop table if exists "measure" cascade;`);
    this.addSql(`drop table if exists "office_roster" cascade;`);
    this.addSql(`drop table if exists "policy_interpretation" cascade;`);
    this.addSql(`drop table if exists "policy" cascade;`);
    this.addSql(`drop table if exists "service_standard" cascade;`);
    this.addSql(`drop table if exists "standard_training" cascade;`);
    this.addSql(`drop table if exists "service_standard_version" cascade;`);
    this.addSql(`drop table if exists "supervision_item" cascade;`);
  }

}
