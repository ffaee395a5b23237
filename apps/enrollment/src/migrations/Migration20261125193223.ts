import { Migration } from '@mikro-orm/migrations';

export class Migration20261125193223 extends Migration {

  override name = 'Migration20261125193223';

  override up(): void | Promise<void> {
    this.addSql(`create table "aid_application" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "student_id" uuid not null, "application_id" uuid not null, "year" int not null, "difficulty_sealed" text not null, "boarding" boolean not null, "status" varchar(10) not null, "active_key" varchar(80) null, "amount_fen" int null, "basis" text null, "applied_by" varchar(200) not null, "applied_on" varchar(10) not null, "decided_by" varchar(200) null, "decided_on" varchar(10) null, "refusal_code" varchar(40) null, "reason" varchar(500) null, primary key ("id"));`);
    this.addSql(`create index "aid_application_student_id_index" on "aid_application" ("student_id");`);
    this.addSql(`alter table "aid_application" add constraint "aid_application_active_key_unique" unique ("active_key");`);

    this.addSql(`create table "application" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "year" int not null, "grade" int not null, "status" varchar(30) not null, "guardian_id" varchar(200) not null, "child_index" varchar(64) not null, "residence_district_code" varchar(40) not null, "state" jsonb not null, "placement_kind" varchar(20) null, "placement_school_id" uuid null, "placement_district_code" varchar(40) null, "explanation_zh" text null, "explanation_en" text null, "round_id" uuid null, "closed_on" varchar(10) null, "erased_on" varchar(10) null, primary key ("id"));`);
    this.addSql(`create index "application_status_index" on "application" ("status");`);
    this.addSql(`create index "application_guardian_id_index" on "application" ("guardian_id");`);
    this.addSql(`create index "application_residence_district_code_index" on "application" ("residence_district_code");`);
    this.addSql(`create index "application_placement_school_id_index" on "application" ("placement_school_id");`);
    this.addSql(`alter table "application" add constraint "application_year_child_index_unique" unique ("year", "child_index");`);

    this.addSql(`create table "district" ("code" varchar(40) not null, "name" varchar(100) not null, "kind" varchar(10) not null, primary key ("code"));`);

    this.addSql(`create table "district_distance" ("from_code" varchar(40) not null, "to_code" varchar(40) not null, "km" double precision not null, primary key ("from_code", "to_code"));`);

    this.addSql(`create table "funding_entry" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "student_id" uuid not null, "school_id" uuid not null, "year" int not null, "seq" int not null, "kind" varchar(20) not null, "level" varchar(10) not null, "amount_fen" int not null, "on" varchar(10) not null, "recorded_by" varchar(200) not null, "reason" varchar(500) null, primary key ("id"));`);
    this.addSql(`create index "funding_entry_school_id_year_index" on "funding_entry" ("school_id", "year");`);
    this.addSql(`alter table "funding_entry" add constraint "funding_entry_student_id_year_seq_unique" unique ("student_id", "year", "seq");`);

    this.addSql(`create table "pii_access" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "actor_id" varchar(200) not null, "actor_roles" varchar(200) not null, "application_id" uuid not null, "fields" varchar(200) not null, "reason" varchar(500) not null, primary key ("id"));`);
    this.addSql(`create index "pii_access_actor_id_index" on "pii_access" ("actor_id");`);
    this.addSql(`create index "pii_access_application_id_index" on "pii_access" ("application_id");`);

    this.addSql(`create table "placement_round" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "year" int not null, "grade" int not null, "seed_hash" varchar(64) not null, "seed" varchar(200) null, "committed_by" varchar(200) not null, "ran_at" timestamptz null, "ran_by" varchar(200) null, "placed_count" int not null default 0, "reassigned_count" int not null default 0, "waitlisted_count" int not null default 0, "ineligible_count" int not null default 0, "published_input" jsonb null, "published_outcomes" jsonb null, primary key ("id"));`);
    this.addSql(`alter table "placement_round" add constraint "placement_round_year_grade_unique" unique ("year", "grade");`);

    this.addSql(`create table "student" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "application_id" uuid not null, "school_id" uuid not null, "year" int not null, "grade" int not null, "enrolled_on" varchar(10) not null, primary key ("id"));`);
    this.addSql(`alter table "student" add constraint "student_application_id_unique" unique ("application_id");`);
    this.addSql(`create index "student_school_id_index" on "student" ("school_id");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "aid_application" cascade;`);
    this.addSql(`drop table if exists "application" cascade;`);
    this.addSql(`drop table if exists "district" cascade;`);
    this.addSql(`drop table if exists "district_distance" cascade;`);
    this.addSql(`drop table if exists "funding_entry" cascade;`);
    this.addSql(`drop table if exists "pii_access" cascade;`);
    this.addSql(`drop table if exists "placement_round" cascade;`);
    this.addSql(`drop table if exists "student" cascade;`);
  }

}
