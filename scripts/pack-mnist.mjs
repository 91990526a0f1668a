// Temporary: replaced by the MNIST packer.
