import { Migration } from '@mikro-orm/migrations';

export class Migration20261125194826 extends Migration {

  override name = 'Migration20261125194826';

  override up(): void | Promise<void> {
    this.addSql(`alter table "application" add "placement_batch" int null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "application" drop column "placement_batch";`);
  }

}
