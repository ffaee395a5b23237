import { Migration } from '@mikro-orm/migrations';

export class Migration20261125200528 extends Migration {

  override name = 'Migration20261125200528';

  override up(): void | Promise<void> {
    this.addSql(`create table "capacity_project" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "kind" varchar(20) not null, "name" varchar(200) not null, "district_code" varchar(40) not null, "planned_places" int not null, "planned_on" varchar(10) not null, "kindergarten_id" varchar(40) null, "state" varchar(20) not null, "milestones" jsonb not null, "started_on" varchar(10) null, "completed_on" varchar(10) null, "cancelled_on" varchar(10) null, "cancel_reason" varchar(500) null, "completed_event_id" varchar(40) null, "places_applied" boolean not null default false, primary key ("id"));`);
    this.addSql(`create index "capacity_project_district_code_index" on "capacity_project" ("district_code");`);
    this.addSql(`create index "capacity_project_state_index" on "capacity_project" ("state");`);
    this.addSql(`create index "capacity_project_completed_event_id_index" on "capacity_project" ("completed_event_id");`);

    this.addSql(`create table "preschool_population" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "district_code" varchar(40) not null, "year" int not null, "children" int not null, primary key ("id"));`);
    this.addSql(`alter table "preschool_population" add constraint "preschool_population_district_code_year_unique" unique ("district_code", "year");`);

    this.addSql(`create table "subsidy_entry" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "kindergarten_id" uuid not null, "school_year" int not null, "seq" int not null, "kind" varchar(12) not null, "amount_fen" int not null, "on" varchar(10) not null, "enrolled" int null, "rate_fen" int null, "voucher_no" varchar(60) null, "recorded_by" varchar(200) not null, primary key ("id"));`);
    this.addSql(`alter table "subsidy_entry" add constraint "subsidy_entry_voucher_no_unique" unique ("voucher_no");`);
    this.addSql(`create index "subsidy_entry_school_year_index" on "subsidy_entry" ("school_year");`);
    this.addSql(`alter table "subsidy_entry" add constraint "subsidy_entry_kindergarten_id_school_year_seq_unique" unique ("kindergarten_id", "school_year", "seq");`);

    this.addSql(`create table "subsidy_rate" ("school_year" int not null, "per_child_fen" int not null, "basis" text not null, "set_by" varchar(200) not null, "set_on" varchar(10) not null, "version" int not null default 1, primary key ("school_year"));`);

    this.addSql(`create table "unlicensed_case" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "name" varchar(200) not null, "address" varchar(300) not null, "district_code" varchar(40) not null, "children" int not null, "hazards" jsonb not null, "state" varchar(20) not null, "rectifiable" boolean null, "rectification" jsonb null, "inspections" jsonb not null, "placements" jsonb not null, "closing_reason" varchar(30) null, "licence" jsonb null, "closed_on" varchar(10) null, "opened_on" varchar(10) not null, "licence_request_event_id" varchar(40) null, primary key ("id"));`);
    this.addSql(`create index "unlicensed_case_district_code_index" on "unlicensed_case" ("district_code");`);
    this.addSql(`create index "unlicensed_case_state_index" on "unlicensed_case" ("state");`);
    this.addSql(`create index "unlicensed_case_licence_request_event_id_index" on "unlicensed_case" ("licence_request_event_id");`);

    this.addSql(`alter table "kindergarten" add "area" varchar(5) null, add "non_profit" boolean null, add "monthly_fee_fen" int null, add "rosters" jsonb null, add "recognitions" jsonb null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "capacity_project" cascade;`);
    this.addSql(`drop table if exists "preschool_population" cascade;`);
    this.addSql(`drop table if exists "subsidy_entry" cascade;`);
    this.addSql(`drop table if exists "subsidy_rate" cascade;`);
    this.addSql(`drop table if exists "unlicensed_case" cascade;`);

    this.addSql(`alter table "kindergarten" drop column "area", drop column "non_profit", drop column "monthly_fee_fen", drop column "rosters", drop column "recognitions";`);
  }

}
