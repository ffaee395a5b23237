import { Migration } from '@mikro-orm/migrations';

export class Migration20261125193339 extends Migration {

  override name = 'Migration20261125193339';

  override up(): void | Promise<void> {
    this.addSql(`alter table "school" add "closed_at" timestamptz null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "school" drop column "closed_at";`);
  }

}
