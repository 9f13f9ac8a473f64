/** Writing a command's output file without ever clobbering one by accident. */
import { promises as fs } from 'fs';
import { FileProblem } from '../workbook/file-problem';

/** Write a new file; 'wx' refuses to replace one (also one appearing meanwhile) unless forced. */
export async function writeNewFile(out: string, bytes: Uint8Array, force: boolean): Promise<void> {
  try {
    await fs.writeFile(out, bytes, { flag: force ? 'w' : 'wx' });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new FileProblem(out, 'already exists; choose another name or pass --force to overwrite it');
    if (code === 'ENOENT') throw new FileProblem(out, 'its folder does not exist');
    if (code === 'EACCES' || code === 'EPERM') throw new FileProblem(out, 'cannot be written here (permission denied)');
    if (code === 'EISDIR') throw new FileProblem(out, 'is a folder');
    throw new FileProblem(out, `cannot be written (${code ?? (err as Error).message})`);
  }
}
