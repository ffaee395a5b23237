import { Migration } from '@mikro-orm/migrations';
import { institutionNameKey } from '../domain/institution.rules.ts';

export class Migration20261125163741 extends Migration {

  override name = 'Migration20261125163741';

  override async up(): Promise<void> {
    await this.execute(`alter table "institution" add "name_key" varchar(400) null;`);
    // Institutions registered so far get their name key, computed as registration computes it. Of
    // two that already share a key in a district (registered before keys), both stay: the later
    // one's key gets its id appended, and the earlier one's key refuses new registrations.
    const rows = await this.execute(`select "id", "name", "district_code" from "institution" order by "id";`);
    const taken = new Set<string>();
    for (const row of rows as { id: string; name: string; district_code: string }[]) {
      const key = institutionNameKey(row.name);
      const unique = taken.has(JSON.stringify([row.district_code, key])) ? `${key}#${row.id}` : key;
      taken.add(JSON.stringify([row.district_code, key]));
      await this.execute(`update "institution" set "name_key" = ? where "id" = ?;`, [[...unique].slice(0, 400).join(''), row.id]);
    }
    this.addSql(`alter table "institution" add constraint "institution_district_code_name_key_unique" unique ("district_code", "name_key");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "institution" drop constraint "institution_district_code_name_key_unique";`);
    this.addSql(`alter table "institution" drop column "name_key";`);
  }

}
