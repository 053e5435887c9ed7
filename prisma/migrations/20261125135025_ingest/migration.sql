-- CreateTable
CREATE TABLE "Sample" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "chargePointId" TEXT NOT NULL,
    "evseNo" INTEGER NOT NULL,
    "measurand" TEXT NOT NULL,
    "value" REAL NOT NULL,
    "deviceTimeMs" BIGINT NOT NULL,
    "receivedAtMs" BIGINT NOT NULL,
    "validity" INTEGER NOT NULL,
    "qualityFlags" INTEGER NOT NULL,
    "timeQuality" INTEGER NOT NULL,
    "late" INTEGER NOT NULL
);

-- CreateTable
CREATE TABLE "SampleRollup" (
    "chargePointId" TEXT NOT NULL,
    "evseNo" INTEGER NOT NULL,
    "measurand" TEXT NOT NULL,
    "resolutionS" INTEGER NOT NULL,
    "bucketStartMs" BIGINT NOT NULL,
    "count" INTEGER NOT NULL,
    "sum" REAL NOT NULL,
    "min" REAL NOT NULL,
    "max" REAL NOT NULL,

    PRIMARY KEY ("chargePointId", "evseNo", "measurand", "resolutionS", "bucketStartMs")
);

-- CreateTable
CREATE TABLE "Event" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "kind" TEXT NOT NULL,
    "chargePointId" TEXT,
    "accessPointId" TEXT,
    "evseNo" INTEGER,
    "message" TEXT NOT NULL,
    "details" TEXT NOT NULL DEFAULT '{}',
    "atMs" BIGINT NOT NULL,
    "receivedAtMs" BIGINT NOT NULL
);

-- CreateTable
CREATE TABLE "RcbCursor" (
    "accessPointId" TEXT NOT NULL,
    "logicalDevice" TEXT NOT NULL,
    "rcbName" TEXT NOT NULL,
    "entryId" TEXT NOT NULL,
    "updatedAtMs" BIGINT NOT NULL,

    PRIMARY KEY ("accessPointId", "logicalDevice", "rcbName")
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_ChargePoint" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "cpoId" TEXT NOT NULL,
    "architecture" TEXT NOT NULL,
    "accessPointId" TEXT NOT NULL,
    "logicalDevice" TEXT NOT NULL,
    "connectionPointId" TEXT,
    "registration" TEXT NOT NULL DEFAULT 'approved',
    "vendor" TEXT NOT NULL DEFAULT '',
    "model" TEXT NOT NULL DEFAULT '',
    "serialNumber" TEXT NOT NULL DEFAULT '',
    "firmware" TEXT NOT NULL DEFAULT '',
    "maxImportW" INTEGER NOT NULL,
    "maxExportW" INTEGER NOT NULL DEFAULT 0,
    "maxReactiveVar" INTEGER NOT NULL DEFAULT 0,
    "v2gCapable" BOOLEAN NOT NULL DEFAULT false,
    "reactiveCapable" BOOLEAN NOT NULL DEFAULT false,
    "freqResponseCapable" BOOLEAN NOT NULL DEFAULT false,
    "latitude" REAL,
    "longitude" REAL,
    "address" TEXT NOT NULL DEFAULT '',
    "configRev" TEXT NOT NULL DEFAULT '',
    "discoveredAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ChargePoint_cpoId_fkey" FOREIGN KEY ("cpoId") REFERENCES "Organisation" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "ChargePoint_accessPointId_fkey" FOREIGN KEY ("accessPointId") REFERENCES "AccessPoint" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "ChargePoint_connectionPointId_fkey" FOREIGN KEY ("connectionPointId") REFERENCES "GridNode" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_ChargePoint" ("accessPointId", "address", "architecture", "connectionPointId", "cpoId", "createdAt", "firmware", "freqResponseCapable", "id", "latitude", "logicalDevice", "longitude", "maxExportW", "maxImportW", "maxReactiveVar", "model", "reactiveCapable", "registration", "serialNumber", "v2gCapable", "vendor") SELECT "accessPointId", "address", "architecture", "connectionPointId", "cpoId", "createdAt", "firmware", "freqResponseCapable", "id", "latitude", "logicalDevice", "longitude", "maxExportW", "maxImportW", "maxReactiveVar", "model", "reactiveCapable", "registration", "serialNumber", "v2gCapable", "vendor" FROM "ChargePoint";
DROP TABLE "ChargePoint";
ALTER TABLE "new_ChargePoint" RENAME TO "ChargePoint";
CREATE INDEX "ChargePoint_cpoId_idx" ON "ChargePoint"("cpoId");
CREATE INDEX "ChargePoint_connectionPointId_idx" ON "ChargePoint"("connectionPointId");
CREATE UNIQUE INDEX "ChargePoint_accessPointId_logicalDevice_key" ON "ChargePoint"("accessPointId", "logicalDevice");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "Sample_chargePointId_measurand_deviceTimeMs_idx" ON "Sample"("chargePointId", "measurand", "deviceTimeMs");

-- CreateIndex
CREATE INDEX "Sample_deviceTimeMs_idx" ON "Sample"("deviceTimeMs");

-- CreateIndex
CREATE INDEX "SampleRollup_resolutionS_bucketStartMs_idx" ON "SampleRollup"("resolutionS", "bucketStartMs");

-- CreateIndex
CREATE INDEX "Event_chargePointId_atMs_idx" ON "Event"("chargePointId", "atMs");

-- CreateIndex
CREATE INDEX "Event_atMs_idx" ON "Event"("atMs");

-- CreateIndex
CREATE INDEX "Event_kind_atMs_idx" ON "Event"("kind", "atMs");
