import { Migration } from '@mikro-orm/migrations';

export class Migration20261125213108 extends Migration {

  override name = 'Migration20261125213108';

  override up(): void | Promise<void> {
    this.addSql(`create table "appeal" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "rating_id" uuid not null, "office" varchar(40) not null, "status" varchar(10) not null, "filed_by" text not null, "state" jsonb not null, "decided_at" timestamptz null, primary key ("id"));`);
    this.addSql(`alter table "appeal" add constraint "appeal_rating_id_unique" unique ("rating_id");`);
    this.addSql(`create index "appeal_status_index" on "appeal" ("status");`);

    this.addSql(`create table "bad_review_case" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "rating_id" uuid not null, "matter_id" uuid not null, "item_code" varchar(40) not null, "office" varchar(40) not null, "institution_id" uuid null, "reviewer_id" text not null, "status" varchar(20) not null, "due_on" varchar(10) null, "state" jsonb not null, primary key ("id"));`);
    this.addSql(`alter table "bad_review_case" add constraint "bad_review_case_rating_id_unique" unique ("rating_id");`);
    this.addSql(`create index "bad_review_case_office_index" on "bad_review_case" ("office");`);
    this.addSql(`create index "bad_review_case_status_index" on "bad_review_case" ("status");`);

    this.addSql(`create table "report" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "channel" varchar(10) not null, "kind" varchar(12) not null, "category" varchar(40) not null, "subject" varchar(200) null, "body" text null, "institution_id" uuid null, "address" varchar(300) null, "lat" double precision null, "long" double precision null, "anonymous" boolean not null, "reporter_id" text null, "reporter_name" varchar(100) null, "reporter_phone" varchar(40) null, "reporter_email" varchar(200) null, "entered_by" text null, "submitted_on" varchar(10) not null, "status" varchar(12) not null, "office" varchar(40) null, "assigned_on" varchar(10) null, "due_on" varchar(10) null, "alerted" varchar(10) null, "replies" jsonb not null, "closed_on" varchar(10) null, "reopen_count" int not null default 0, "reopened_on" varchar(10) null, "reopen_reason" text null, primary key ("id"));`);
    this.addSql(`create index "report_kind_index" on "report" ("kind");`);
    this.addSql(`create index "report_category_index" on "report" ("category");`);
    this.addSql(`create index "report_institution_id_index" on "report" ("institution_id");`);
    this.addSql(`create index "report_reporter_id_index" on "report" ("reporter_id");`);
    this.addSql(`create index "report_status_index" on "report" ("status");`);
    this.addSql(`create index "report_office_index" on "report" ("office");`);
    this.addSql(`create index "report_due_on_index" on "report" ("due_on");`);

    this.addSql(`create table "service_item" ("code" varchar(40) not null, "name" varchar(200) not null, "office" varchar(40) not null, "service" varchar(20) not null, primary key ("code"));`);

    this.addSql(`create table "service_matter" ("id" uuid not null, "source_key" varchar(200) not null, "service" varchar(20) not null, "item_code" varchar(40) not null, "office" varchar(40) not null, "applicant_id" text not null, "institution_id" uuid null, "completed_on" varchar(10) not null, "closes_on" varchar(10) not null, "rating_id" uuid null, "invited_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`alter table "service_matter" add constraint "service_matter_source_key_unique" unique ("source_key");`);
    this.addSql(`create index "service_matter_item_code_index" on "service_matter" ("item_code");`);
    this.addSql(`create index "service_matter_applicant_id_index" on "service_matter" ("applicant_id");`);

    this.addSql(`alter table "known_institution" add "fixed_bad_reviews" int not null default 0;`);

    this.addSql(`alter table "rating" add "level" varchar(20) null, add "channel" varchar(10) null, add "service_matter_id" uuid null, add "office" varchar(40) null, add "rated_on" varchar(10) null, add "excluded" boolean not null default false;`);
    this.addSql(`alter table "rating" alter column "institution_id" drop not null;`);
    this.addSql(`alter table "rating" add constraint "rating_service_matter_id_unique" unique ("service_matter_id");`);
    this.addSql(`create index "rating_office_index" on "rating" ("office");`);
    this.addSql(`create index "rating_rated_on_index" on "rating" ("rated_on");`);
    // Ratings given before levels were named get their level from the score; they name no invited
    // matter, so (without a rated_on day) they stay out of the published figures.
    this.addSql(`update "rating" set "level" = (array['VERY_DISSATISFIED','DISSATISFIED','BASICALLY_SATISFIED','SATISFIED','VERY_SATISFIED'])["score"] where "level" is null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "appeal" cascade;`);
    this.addSql(`drop table if exists "bad_review_case" cascade;`);
    this.addSql(`drop table if exists "report" cascade;`);
    this.addSql(`drop table if exists "service_item" cascade;`);
    this.addSql(`drop table if exists "service_matter" cascade;`);

    this.addSql(`alter table "known_institution" drop column "fixed_bad_reviews";`);

    this.addSql(`alter table "rating" drop constraint "rating_service_matter_id_unique";`);
    this.addSql(`drop index "rating_office_index";`);
    this.addSql(`drop index "rating_rated_on_index";`);
    this.addSql(`alter table "rating" drop column "level", drop column "channel", drop column "service_matter_id", drop column "office", drop column "rated_on", drop column "excluded";`);
    this.addSql(`alter table "rating" alter column "institution_id" set not null;`);
  }

}
