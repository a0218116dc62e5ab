// jsdom has no DataTransfer: a stub with what drag and drop here uses.
export function dataTransfer(): DataTransfer {
  const store = new Map<string, string>();
  return {
    setData: (type: string, value: string) => void store.set(type, value),
    getData: (type: string) => store.get(type) ?? '',
    get types() {
      return [...store.keys()];
    },
    setDragImage: () => undefined,
    effectAllowed: 'none',
    dropEffect: 'none',
  } as unknown as DataTransfer;
}
