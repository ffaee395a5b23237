import { Migration } from '@mikro-orm/migrations';

export class Migration20261125163224 extends Migration {

  override name = 'Migration20261125163224';

  override up(): void | Promise<void> {
    this.addSql(`create table "dead_letter" ("seq" bigserial primary key, "consumer" varchar(255) not null, "source" text not null, "message_key" text not null, "event_type" text null, "value" text not null, "reason" text not null, "created_at" timestamptz not null);`);
    this.addSql(`create index "dead_letter_created_at_index" on "dead_letter" ("created_at");`);

    // The outbox is ordered by a database sequence from now on; rows already there are numbered in
    // the order they were written, so none of them overtakes an earlier one of its aggregate.
    this.addSql(`alter table "outbox_message" drop constraint "outbox_message_pkey";`);
    this.addSql(`alter table "outbox_message" add "seq" bigserial;`);
    this.addSql(`update "outbox_message" o set "seq" = r.n from (select "id", row_number() over (order by "created_at", "id") as n from "outbox_message") r where o."id" = r."id";`);
    this.addSql(`select setval(pg_get_serial_sequence('"outbox_message"', 'seq'), coalesce((select max("seq") from "outbox_message"), 0) + 1, false);`);
    this.addSql(`alter table "outbox_message" add constraint "outbox_message_pkey" primary key ("seq");`);
    this.addSql(`alter table "outbox_message" add constraint "outbox_message_id_unique" unique ("id");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "dead_letter" cascade;`);

    this.addSql(`alter table "outbox_message" drop constraint "outbox_message_id_unique";`);
    this.addSql(`alter table "outbox_message" drop constraint "outbox_message_pkey";`);
    this.addSql(`alter table "outbox_message" drop column "seq";`);
    this.addSql(`alter table "outbox_message" add constraint "outbox_message_pkey" primary key ("id");`);
  }

}
