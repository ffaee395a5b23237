import { Migration } from '@mikro-orm/migrations';

export class Migration20261125210138 extends Migration {

  override name = 'Migration20261125210138';

  override up(): void | Promise<void> {
    this.addSql(`create table "catalogue_entry" ("code" varchar(6) not null, "name" varchar(200) not null, "level" varchar(10) not null, "category" varchar(2) not null, "imported_at" timestamptz not null, primary key ("code"));`);

    this.addSql(`create table "catalogue_sync" ("id" uuid not null, "institution_id" uuid not null, "year" int not null, "snapshot_hash" varchar(64) not null, "rows" int not null, "added" int not null, "changed" int not null, "retired" int not null, "unchanged" int not null, "kept" int not null, "rejected_rows" int not null, "rejected" jsonb not null, "actor_id" varchar(200) not null, "applied_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`create index "catalogue_sync_institution_id_index" on "catalogue_sync" ("institution_id");`);

    this.addSql(`create table "industry" ("code" varchar(40) not null, "name" varchar(100) not null, "kind" varchar(20) not null, "position" int not null, primary key ("code"));`);

    this.addSql(`create table "programme_year" ("id" uuid not null, "programme_id" uuid not null, "year" int not null, "institution_id" uuid not null, "code" varchar(6) not null, "annual_intake" int not null, "enrolled" int not null, "applicants" int not null, primary key ("id"));`);
    this.addSql(`create index "programme_year_year_index" on "programme_year" ("year");`);
    this.addSql(`alter table "programme_year" add constraint "programme_year_programme_id_year_unique" unique ("programme_id", "year");`);

    this.addSql(`alter table "programme" add "level" varchar(10) not null default 'SECONDARY', add "enrolled" int not null default 0, add "applicants" int not null default 0, add "partner_enterprises" jsonb not null default '[]', add "industries" jsonb not null default '[]', add "out_of_catalogue_reference" varchar(200) null, add "status" varchar(10) not null default 'PUBLISHED', add "year" int not null default 0, add "content_hash" varchar(64) not null default '';`);

    this.addSql(`alter table "vocational_school" add "level" varchar(10) not null default 'SECONDARY', add "last_snapshot_hash" varchar(64) null, add "last_snapshot_year" int null, add "last_synced_at" timestamptz null;`);

    // Programmes published before catalogue sync count in the year they were last published
    // (Asia/Shanghai), so the statistics see them.
    this.addSql(`update "programme" set "year" = extract(year from "updated_at" at time zone 'Asia/Shanghai')::int;`);
    this.addSql(`insert into "programme_year" ("id", "programme_id", "year", "institution_id", "code", "annual_intake", "enrolled", "applicants") select gen_random_uuid(), "id", "year", "institution_id", "code", "annual_intake", 0, 0 from "programme";`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "catalogue_entry" cascade;`);
    this.addSql(`drop table if exists "catalogue_sync" cascade;`);
    this.addSql(`drop table if exists "industry" cascade;`);
    this.addSql(`drop table if exists "programme_year" cascade;`);

    this.addSql(`alter table "programme" drop column "level", drop column "enrolled", drop column "applicants", drop column "partner_enterprises", drop column "industries", drop column "out_of_catalogue_reference", drop column "status", drop column "year", drop column "content_hash";`);

    this.addSql(`alter table "vocational_school" drop column "level", drop column "last_snapshot_hash", drop column "last_snapshot_year", drop column "last_synced_at";`);
  }

}
