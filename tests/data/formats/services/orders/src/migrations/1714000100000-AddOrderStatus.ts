import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddOrderStatus20240425093000 implements MigrationInterface {
  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "orders" ADD "status" varchar(20) NOT NULL DEFAULT 'new'`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "orders" DROP COLUMN "status"`);
  }
}
