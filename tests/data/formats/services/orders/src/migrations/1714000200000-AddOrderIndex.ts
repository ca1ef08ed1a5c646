import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddOrderIndex'$timestamp' implements MigrationInterface {
  name = 'AddOrderIndex'$timestamp''

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "IDX_orders_status" ON "orders" ("status")`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_orders_status"`);
  }
}
