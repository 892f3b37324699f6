import type { Attachment } from 'svelte/attachments';

/**
 * A drop target (`{@attach dropZone(...)}`): what is dragged over it may be dropped (the browser's
 * default, opening the file, is prevented), `over(true)` while it is over, `over(false)` when it
 * leaves or is dropped, and `drop` gets the dropped data. ImportPanel's textarea and
 * ComparePanel's picker are each one.
 */
export function dropZone(drop: (data: DataTransfer | null) => void, over: (on: boolean) => void): Attachment<HTMLElement> {
	return (el) => {
		const ondragover = (e: DragEvent) => {
			e.preventDefault();
			over(true);
		};
		const ondragleave = () => over(false);
		const ondrop = (e: DragEvent) => {
			e.preventDefault();
			over(false);
			drop(e.dataTransfer);
		};
		el.addEventListener('dragover', ondragover);
		el.addEventListener('dragleave', ondragleave);
		el.addEventListener('drop', ondrop);
		return () => {
			el.removeEventListener('dragover', ondragover);
			el.removeEventListener('dragleave', ondragleave);
			el.removeEventListener('drop', ondrop);
		};
	};
}
