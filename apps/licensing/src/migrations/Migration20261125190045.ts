import { Migration } from '@mikro-orm/migrations';

export class Migration20261125190045 extends Migration {

  override name = 'Migration20261125190045';

  override up(): void | Promise<void> {
    this.addSql(`create table "holiday_arrangement" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "year" int not null, "holidays" jsonb not null, "workdays" jsonb not null, "source" varchar(300) not null, "published_by" varchar(200) not null, primary key ("id"));`);
    this.addSql(`alter table "holiday_arrangement" add constraint "holiday_arrangement_year_unique" unique ("year");`);

    this.addSql(`create table "matter" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "type_code" varchar(40) not null, "status" varchar(30) not null, "authority" varchar(30) not null, "applicant_credit_code" varchar(18) not null, "started_by" varchar(200) not null, "institution_id" uuid null, "details" jsonb not null, "state" jsonb not null, "due_on" varchar(10) null, "alert_state" varchar(10) not null default 'NONE', "in_person_visits" int not null default 0, "licence_issued_on" varchar(10) null, "preparation_lapsed_on" varchar(10) null, primary key ("id"));`);
    this.addSql(`create index "matter_type_code_index" on "matter" ("type_code");`);
    this.addSql(`create index "matter_status_index" on "matter" ("status");`);
    this.addSql(`create index "matter_applicant_credit_code_index" on "matter" ("applicant_credit_code");`);
    this.addSql(`create index "matter_institution_id_index" on "matter" ("institution_id");`);
    this.addSql(`create index "matter_due_on_index" on "matter" ("due_on");`);

    this.addSql(`create table "matter_type_setting" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "type_code" varchar(40) not null, "materials" jsonb not null, "authority" varchar(30) not null, "updated_by" varchar(200) not null, primary key ("id"));`);
    this.addSql(`alter table "matter_type_setting" add constraint "matter_type_setting_type_code_unique" unique ("type_code");`);

    this.addSql(`create table "school_project" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "name" varchar(200) not null, "sponsor_credit_code" varchar(18) not null, "sponsor_name" varchar(200) not null, "status" varchar(10) not null, "investment_fen" bigint not null, "district_code" varchar(40) null, "milestones" jsonb not null, "earliest_open_on" varchar(10) null, primary key ("id"));`);
    this.addSql(`create index "school_project_sponsor_credit_code_index" on "school_project" ("sponsor_credit_code");`);
    this.addSql(`create index "school_project_status_index" on "school_project" ("status");`);
    this.addSql(`create index "school_project_earliest_open_on_index" on "school_project" ("earliest_open_on");`);

    this.addSql(`create table "training" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "title" varchar(200) not null, "held_on" varchar(10) not null, "place" varchar(200) not null, "capacity" int not null, "registered" int not null default 0, "attended" int not null default 0, primary key ("id"));`);
    this.addSql(`create index "training_held_on_index" on "training" ("held_on");`);

    this.addSql(`create table "training_registration" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "training_id" uuid not null, "credit_code" varchar(18) not null, "name" varchar(200) not null, "attended" boolean not null default false, primary key ("id"));`);
    this.addSql(`create index "training_registration_training_id_index" on "training_registration" ("training_id");`);
    this.addSql(`alter table "training_registration" add constraint "training_registration_training_id_credit_code_unique" unique ("training_id", "credit_code");`);

    this.addSql(`alter table "institution" add "licence_issued_on" varchar(10) null, add "category" varchar(20) null, add "status" varchar(10) not null default 'ACTIVE', add "sponsor_credit_code" varchar(18) null;`);
    this.addSql(`alter table "institution" add constraint "institution_licence_number_unique" unique ("licence_number");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "holiday_arrangement" cascade;`);
    this.addSql(`drop table if exists "matter" cascade;`);
    this.addSql(`drop table if exists "matter_type_setting" cascade;`);
    this.addSql(`drop table if exists "school_project" cascade;`);
    this.addSql(`drop table if exists "training" cascade;`);
    this.addSql(`drop table if exists "training_registration" cascade;`);

    this.addSql(`alter table "institution" drop constraint "institution_licence_number_unique";`);
    this.addSql(`alter table "institution" drop column "licence_issued_on", drop column "category", drop column "status", drop column "sponsor_credit_code";`);
  }

}
