-- CreateTable
CREATE TABLE "Organisation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "email" TEXT NOT NULL,
    "displayName" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "disabledAt" DATETIME,
    CONSTRAINT "User_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Session" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" DATETIME NOT NULL,
    "lastSeenAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Session_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "GridNode" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "kind" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "parentId" TEXT,
    "capacityW" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "GridNode_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "GridNode" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AccessPoint" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "kind" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "AccessPoint_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ChargePoint" (
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
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ChargePoint_cpoId_fkey" FOREIGN KEY ("cpoId") REFERENCES "Organisation" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "ChargePoint_accessPointId_fkey" FOREIGN KEY ("accessPointId") REFERENCES "AccessPoint" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "ChargePoint_connectionPointId_fkey" FOREIGN KEY ("connectionPointId") REFERENCES "GridNode" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Evse" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "chargePointId" TEXT NOT NULL,
    "evseNo" INTEGER NOT NULL,
    "maxPowerW" INTEGER NOT NULL,
    "connectorType" TEXT NOT NULL,
    "v2gCapable" BOOLEAN NOT NULL DEFAULT false,
    CONSTRAINT "Evse_chargePointId_fkey" FOREIGN KEY ("chargePointId") REFERENCES "ChargePoint" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "DeviceCredential" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "label" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" DATETIME,
    "revokedAt" DATETIME,
    "lastUsedAt" DATETIME,
    CONSTRAINT "DeviceCredential_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CredentialAccessPoint" (
    "credentialId" TEXT NOT NULL,
    "accessPointId" TEXT NOT NULL,

    PRIMARY KEY ("credentialId", "accessPointId"),
    CONSTRAINT "CredentialAccessPoint_credentialId_fkey" FOREIGN KEY ("credentialId") REFERENCES "DeviceCredential" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "CredentialAccessPoint_accessPointId_fkey" FOREIGN KEY ("accessPointId") REFERENCES "AccessPoint" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE INDEX "User_organisationId_idx" ON "User"("organisationId");

-- CreateIndex
CREATE INDEX "Session_userId_idx" ON "Session"("userId");

-- CreateIndex
CREATE INDEX "Session_expiresAt_idx" ON "Session"("expiresAt");

-- CreateIndex
CREATE INDEX "GridNode_parentId_idx" ON "GridNode"("parentId");

-- CreateIndex
CREATE INDEX "AccessPoint_organisationId_idx" ON "AccessPoint"("organisationId");

-- CreateIndex
CREATE INDEX "ChargePoint_cpoId_idx" ON "ChargePoint"("cpoId");

-- CreateIndex
CREATE INDEX "ChargePoint_connectionPointId_idx" ON "ChargePoint"("connectionPointId");

-- CreateIndex
CREATE UNIQUE INDEX "ChargePoint_accessPointId_logicalDevice_key" ON "ChargePoint"("accessPointId", "logicalDevice");

-- CreateIndex
CREATE UNIQUE INDEX "Evse_chargePointId_evseNo_key" ON "Evse"("chargePointId", "evseNo");

-- CreateIndex
CREATE UNIQUE INDEX "DeviceCredential_tokenHash_key" ON "DeviceCredential"("tokenHash");

-- CreateIndex
CREATE INDEX "DeviceCredential_organisationId_idx" ON "DeviceCredential"("organisationId");

-- CreateIndex
CREATE INDEX "CredentialAccessPoint_accessPointId_idx" ON "CredentialAccessPoint"("accessPointId");
