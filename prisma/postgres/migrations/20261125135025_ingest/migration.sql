-- AlterTable
ALTER TABLE "ChargePoint" ADD COLUMN     "configRev" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "discoveredAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "Sample" (
    "id" SERIAL NOT NULL,
    "chargePointId" TEXT NOT NULL,
    "evseNo" INTEGER NOT NULL,
    "measurand" TEXT NOT NULL,
    "value" DOUBLE PRECISION NOT NULL,
    "deviceTimeMs" BIGINT NOT NULL,
    "receivedAtMs" BIGINT NOT NULL,
    "validity" INTEGER NOT NULL,
    "qualityFlags" INTEGER NOT NULL,
    "timeQuality" INTEGER NOT NULL,
    "late" INTEGER NOT NULL,

    CONSTRAINT "Sample_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SampleRollup" (
    "chargePointId" TEXT NOT NULL,
    "evseNo" INTEGER NOT NULL,
    "measurand" TEXT NOT NULL,
    "resolutionS" INTEGER NOT NULL,
    "bucketStartMs" BIGINT NOT NULL,
    "count" INTEGER NOT NULL,
    "sum" DOUBLE PRECISION NOT NULL,
    "min" DOUBLE PRECISION NOT NULL,
    "max" DOUBLE PRECISION NOT NULL,

    CONSTRAINT "SampleRollup_pkey" PRIMARY KEY ("chargePointId","evseNo","measurand","resolutionS","bucketStartMs")
);

-- CreateTable
CREATE TABLE "Event" (
    "id" SERIAL NOT NULL,
    "kind" TEXT NOT NULL,
    "chargePointId" TEXT,
    "accessPointId" TEXT,
    "evseNo" INTEGER,
    "message" TEXT NOT NULL,
    "details" TEXT NOT NULL DEFAULT '{}',
    "atMs" BIGINT NOT NULL,
    "receivedAtMs" BIGINT NOT NULL,

    CONSTRAINT "Event_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RcbCursor" (
    "accessPointId" TEXT NOT NULL,
    "logicalDevice" TEXT NOT NULL,
    "rcbName" TEXT NOT NULL,
    "entryId" TEXT NOT NULL,
    "updatedAtMs" BIGINT NOT NULL,

    CONSTRAINT "RcbCursor_pkey" PRIMARY KEY ("accessPointId","logicalDevice","rcbName")
);

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
