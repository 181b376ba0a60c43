/**
 * The model zoo: LeNet-300-100, the two LeNet-5 variants, VGG-16 and the CIFAR ResNets (20, 56, 18), and a
 * deep MLP for relational-graph studies, each at a width multiplier, checked against the published parameter
 * counts. {@link dev.prunus.model.zoo.ModelId} names them on the command line.
 */
package dev.prunus.model.zoo;
