import "server-only";
import fs from "node:fs/promises";
import path from "node:path";
import { getDb } from "@/lib/db/client";
import { getEnv } from "@/lib/env";

/**
 * Where uploaded files live. PostgreSQL by default (nothing else to run or
 * back up); `STORAGE_DRIVER=disk` keeps them under DATA_DIR/files. An
 * S3-compatible store replaces either by implementing these three methods.
 * Keys are content-addressed by the caller, so a stored file never changes.
 */
export type StoredObject = { contentType: string; bytes: Buffer };

export interface FileStorage {
  put(key: string, object: StoredObject): Promise<void>;
  get(key: string): Promise<StoredObject | null>;
  delete(key: string): Promise<void>;
}

export const ZFileKey = /^[a-z0-9][a-z0-9/_-]{0,150}\.(webp|png|jpg)$/;

class PostgresFileStorage implements FileStorage {
  async put(key: string, object: StoredObject) {
    await getDb().storedFile.upsert({
      where: { key },
      create: { key, contentType: object.contentType, size: object.bytes.length, bytes: new Uint8Array(object.bytes) },
      update: {},
    });
  }
  async get(key: string) {
    const row = await getDb().storedFile.findUnique({ where: { key } });
    return row ? { contentType: row.contentType, bytes: Buffer.from(row.bytes) } : null;
  }
  async delete(key: string) {
    await getDb().storedFile.deleteMany({ where: { key } });
  }
}

class DiskFileStorage implements FileStorage {
  constructor(private readonly root: string) {}
  private file(key: string) {
    if (!ZFileKey.test(key) || key.includes("..")) throw new Error("invalid storage key");
    return path.join(this.root, key);
  }
  async put(key: string, object: StoredObject) {
    const file = this.file(key);
    await fs.mkdir(path.dirname(file), { recursive: true });
    await fs.writeFile(file, object.bytes);
    await fs.writeFile(`${file}.type`, object.contentType);
  }
  async get(key: string) {
    try {
      const file = this.file(key);
      const [bytes, contentType] = await Promise.all([fs.readFile(file), fs.readFile(`${file}.type`, "utf8")]);
      return { bytes, contentType };
    } catch {
      return null;
    }
  }
  async delete(key: string) {
    const file = this.file(key);
    await fs.rm(file, { force: true });
    await fs.rm(`${file}.type`, { force: true });
  }
}

let storage: FileStorage | undefined;

export function getFileStorage(): FileStorage {
  if (!storage) {
    const env = getEnv();
    storage = env.storageDriver === "disk" ? new DiskFileStorage(path.join(env.dataDir, "files")) : new PostgresFileStorage();
  }
  return storage;
}
