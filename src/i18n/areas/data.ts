/** The Data area (src/components/data) and the dataset descriptions of the engine. */
export const data = {
  title: 'Your data',
  intro:
    'A network only learns what its examples show it. These are the sets of labelled pictures on this computer: each picture has a class (its right answer), and each set keeps some pictures apart as a test the network never trains on.',
  builtin: {
    mnist: {
      name: 'MNIST digits',
      about:
        '70,000 handwritten digits 0–9 collected in the 1990s from American students and census workers (LeCun, Cortes and Burges). The official split: 60,000 to train on, 10,000 to test.',
    },
    'fashion-mnist': {
      name: 'Fashion-MNIST',
      about:
        '70,000 small photos of clothes from the online shop Zalando (Xiao, Rasul and Vollgraf, 2017), in the same format as MNIST, and harder to tell apart. The test split here: the first 1,000 pictures of each class after a shuffle with seed {seed}, so 10,000 to test and 60,000 to train, the same for everyone.',
    },
  },
  fashionClasses: {
    tshirt: 'T-shirt/top',
    trouser: 'Trouser',
    pullover: 'Pullover',
    dress: 'Dress',
    coat: 'Coat',
    sandal: 'Sandal',
    shirt: 'Shirt',
    sneaker: 'Sneaker',
    bag: 'Bag',
    ankleBoot: 'Ankle boot',
  },
  card: {
    classes: '{n} classes',
    size: '{h}×{w} pixels, {channels}',
    grey: 'greyscale',
    colour: 'colour',
    counts: '{train} to train on · {test} to test',
    source: 'Where it came from',
    sourceBuiltin: 'Comes with CNN Studio (npm package {package}), served from this site.',
    sourceImported: 'Imported from the file {file} on {at}.',
    sourceMade: 'Made in this browser on {at}.',
    train: 'Train on it',
    gallery: 'Examples of each class',
    galleryTitle: '{name} · {n} per class · {h}×{w}',
    classRow: '{name} ({count} pictures)',
    rowLabel: 'The first {n} test pictures of {name}',
    rowLabelAll: 'The first {n} pictures of {name}',
    loading: 'Loading pictures…',
    failed: 'Could not load the pictures: {message}',
  },
  storage: {
    title: 'Storage in this browser',
    used: '{used} used of {quota} this browser lets this site keep',
    unknown: 'This browser does not say how much it can keep.',
    bar: 'Storage used',
  },
  zip: {
    notZip: '{file} is not a zip file this app can open ({reason}).',
    tooManyFiles: '{file} holds more than {max} files: too many to import. Split it into smaller sets.',
    tooBig:
      '{file} would unpack to more than {mb} MB. That is more than a class set needs, or a zip made to fill the disk; nothing was unpacked.',
    notInFolder: '{path} is not inside a class folder, so it has no class: left out.',
    badClassName: 'In {file}, the folder name "{name}" cannot be a class name (1 to {max} characters).',
    duplicateClass:
      'In {file}, the folders "{a}" and "{b}" differ only in capital letters: rename one, so each class has its own name.',
    corrupt: '{path} is damaged: it is named like a picture but is not a readable PNG or JPEG. Left out.',
    notImage: '{path} is not a picture (only PNG and JPEG are read). Left out.',
    wrongType: '{path} is a {type} picture; only PNG and JPEG are read. Left out.',
    tooLarge: '{path}: {problem} Left out.',
    emptyClass:
      'In {file}, the class folder "{name}" has no PNG or JPEG pictures. Add some, or remove the folder.',
    noClasses:
      '{file} has no class folders. A dataset zip holds one folder of pictures per class, e.g. circle/1.png, square/1.png.',
    oneClass:
      '{file} has only one class, "{name}". A network learns to tell classes apart, so it needs at least two folders.',
    tooManyClasses: '{file} has {n} class folders; at most {max} are allowed.',
  },
  store: {
    noStorage: 'This browser cannot keep datasets (no IndexedDB, e.g. in some private windows).',
    builtinName: '"{name}" is the name of a built-in dataset: choose another name.',
    badShape: 'The dataset "{name}" does not add up: {n} labels but {bytes} bytes of pictures.',
    exists:
      'There is already a dataset called "{name}" on this computer. Rename the file, or delete the old one first.',
    full: 'The browser storage is full, so "{name}" was not kept. Nothing else was changed. Delete a dataset you no longer need and try again.',
    failed: 'Could not keep "{name}" in this browser ({reason}). Nothing else was changed.',
  },
  import: {
    title: 'Import or export a dataset',
    explain:
      'A dataset file is a .zip with one folder of pictures (PNG or JPEG) per class, for example shapes.zip holding circle/1.png, square/1.png… It gets the name of the file. Pictures are cut to their centre square and shrunk to 28×28 grey, or 32×32 when they have colour.',
    input: 'Import dataset (.zip)',
    reading: 'Reading {file}…',
    progress: '{done} of {total} pictures',
    eta: 'about {s} s left',
    bar: 'Import progress',
    cancel: 'Cancel',
    cancelled: 'Import of {file} cancelled: nothing was kept.',
    saving: 'Keeping {name} in this browser…',
    done: 'Imported "{name}": {classes} classes, {n} pictures, {h}×{w} {channels}.',
    skippedTitle: '{n} files were left out:',
    tooBigFile: '{file} is {mb} MB: more than the {max} MB a dataset file may be here. Nothing was read.',
    exists:
      'There is already a dataset called "{name}" on this computer. Rename the file, or delete the old one first. Nothing was changed.',
  },
  stored: {
    export: 'Export {name} as .zip',
    delete: 'Delete {name}',
    confirmDelete: 'Yes, delete "{name}" and all its pictures',
    keep: 'Keep it',
    none: 'No datasets of your own yet: import a .zip above.',
  },
  trainParam: {
    gone: 'The dataset "{name}" is no longer in this browser (deleted, or the browser cleared its storage). Import it again on the Data page.',
  },
};
